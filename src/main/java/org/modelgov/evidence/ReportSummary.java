package org.modelgov.evidence;

import java.time.Instant;

/** What identifies a stored report, without its body. */
public record ReportSummary(String id, ReportKind kind, String modelId, String modelVersionId, String createdBy,
                            Instant createdAt, String reportSha256) {
}
