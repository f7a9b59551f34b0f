package org.modelgov.validation;

import java.util.List;
import org.modelgov.inventory.Model;

/**
 * Port: what production monitoring has flagged for a model (SageMaker Model Monitor executions that completed
 * with violations in AWS mode). Locally there is no monitor: drift is computed from the datasets instead.
 */
public interface MonitoringEvidence {

    /** One line per recent monitoring run that found violations; empty when none did or nothing monitors. */
    List<String> violations(Model model);
}
