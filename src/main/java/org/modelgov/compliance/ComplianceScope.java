package org.modelgov.compliance;

import java.time.Instant;

/**
 * Which jurisdictions and sector rules a model falls under: a compliance decision, kept per model.
 * Without a decision the defaults hold: the EU AI Act applies (ModelGov's tiers and policies are built on it,
 * and leaving it out must be a recorded decision), NYC Local Law 144 and US bank guidance do not (each needs a
 * legal judgement: an automated employment decision tool used in New York City, a supervised US bank).
 *
 * @param decided false while the defaults hold (no one has set the scope)
 */
public record ComplianceScope(String modelId, boolean eu, boolean nycEmployment, boolean usBank, String note,
                              String updatedBy, Instant updatedAt, boolean decided) {

    public static ComplianceScope defaults(String modelId) {
        return new ComplianceScope(modelId, true, false, false, null, null, null, false);
    }

    /** Whether a framework of {@code scope} ({@link Framework#SCOPES}) applies. */
    public boolean covers(String scope) {
        return switch (scope) {
            case "ALL" -> true;
            case "EU" -> eu;
            case "NYC_EMPLOYMENT" -> nycEmployment;
            case "US_BANK" -> usBank;
            default -> false;
        };
    }

    static String describe(String scope) {
        return switch (scope) {
            case "EU" -> "the EU";
            case "NYC_EMPLOYMENT" -> "NYC employment use";
            case "US_BANK" -> "US bank supervision";
            default -> scope;
        };
    }
}
