package org.modelgov.evidence;

import java.util.List;
import java.util.Map;

/**
 * A request to compute and store one evidence report.
 *
 * @param uploads      the uploaded parts by part name
 * @param duplicates   part names that were sent more than once
 * @param modelId      optional inventory model the evidence is about
 * @param modelVersion optional version number of that model, as sent (validated by the service)
 */
public record NewReport(ReportKind kind, Map<String, Upload> uploads, List<String> duplicates, String modelId,
                        String modelVersion) {

    public NewReport {
        uploads = Map.copyOf(uploads);
        duplicates = List.copyOf(duplicates);
    }
}
