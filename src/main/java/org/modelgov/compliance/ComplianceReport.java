package org.modelgov.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A model's compliance against every framework, on one day: each requirement with its status and the evidence
 * behind it, gaps (overdue, missing) first, and which framework files (version, SHA-256) it was measured against.
 */
public record ComplianceReport(String modelId, String modelName, LocalDate asOf, Instant generatedAt,
                               String riskTier, String useArea, Integer versionNumber, ComplianceScope scope,
                               List<FrameworkUsed> frameworks, Summary summary, List<Item> requirements) {

    /** A requirement's status; the order is the report's order. */
    public enum Status {
        OVERDUE, MISSING, MET, NOT_APPLICABLE;

        public boolean isGap() {
            return this == OVERDUE || this == MISSING;
        }
    }

    public record FrameworkUsed(String id, String title, String fileVersion, String file, String sha256,
                                String source, String location) {
    }

    public record Summary(int overdue, int missing, int met, int notApplicable) {
    }

    /** One requirement as evaluated; {@code reason} says why it has this status in a sentence. */
    public record Item(String frameworkId, String frameworkTitle, String requirementId, String title,
                       String reference, Status status, String reason, String combination, List<Evidence> evidence) {
    }

    /** One evidence reference as found: its own status, what was found, and where to see it. */
    public record Evidence(String ref, Status status, String detail, List<Link> links) {
    }

    public record Link(String label, String href) {
    }

    public List<Item> gaps() {
        return requirements.stream().filter(i -> i.status().isGap()).toList();
    }
}
