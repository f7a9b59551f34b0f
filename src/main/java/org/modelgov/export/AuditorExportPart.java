package org.modelgov.export;

import java.util.List;

/**
 * Contributes files about one model to the auditor's export (model cards, the compliance report, ...). The export
 * collects every bean of this type; the caller's right to export the model has been checked before.
 */
public interface AuditorExportPart {

    /** The files for {@code modelId}, with paths under this part's own folder. */
    List<ExportFile> filesFor(String modelId);
}
