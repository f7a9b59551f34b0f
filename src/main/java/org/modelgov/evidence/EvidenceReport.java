package org.modelgov.evidence;

import java.util.List;

/**
 * A stored metrics report: the JSON the metrics produced (Clarify's analysis.json for bias), the
 * config it was computed with (null when drift ran on defaults) and the hashes of its inputs.
 */
public record EvidenceReport(ReportSummary summary, String config, String reportJson, List<EvidenceInput> inputs) {

    public EvidenceReport {
        inputs = List.copyOf(inputs);
    }

    public String id() {
        return summary.id();
    }
}
