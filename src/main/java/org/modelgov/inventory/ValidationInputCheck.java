package org.modelgov.inventory;

import java.util.List;
import org.modelgov.common.FieldViolation;

/**
 * Port: opens the datasets, config and reports a version names and says, field by field, what its validation
 * could not use (a location ModelGov may not read, a missing file, a header without the config's columns, a
 * config that does not parse). A version is registered, or its inputs changed, only when there is nothing to say.
 */
public interface ValidationInputCheck {

    /** @return one violation per field with a problem; the messages never quote the data */
    List<FieldViolation> problems(String evaluationDatasetUri, ValidationInputs inputs);
}
