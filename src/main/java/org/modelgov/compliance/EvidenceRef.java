package org.modelgov.compliance;

import java.time.Period;
import java.util.Arrays;
import java.util.Locale;

/**
 * One piece of ModelGov evidence a requirement asks for, written {@code kind:name} in a framework file
 * (e.g. {@code decision:SIGN_OFF}), optionally no older than {@code maxAge}. The vocabulary is documented in
 * {@code compliance/frameworks/README.md}.
 */
public record EvidenceRef(Kind kind, String name, Period maxAge) {

    /** What kind of record satisfies the reference. */
    public enum Kind {
        /** a review decision of the version ({@code review.ReviewKind}), not a rejection */
        DECISION,
        /** an evidence report of the model ({@code evidence.ReportKind}) */
        REPORT,
        /** a validation finding of the version's latest concluded round, not FAIL (check name or its prefix) */
        FINDING,
        /** a scheduled date (REASSESSMENT: the model's next review due; past due is overdue) */
        SCHEDULE,
        /** a field of the version's model card (SageMaker schema, dotted path) */
        CARD,
        /** an incident step (REGULATORY_REPORT, POST_INCIDENT_REVIEW) done for every incident that needs it */
        INCIDENT,
        /** an audit-trail event of the model with this action */
        AUDIT,
        /** the confirmed risk tier (NOT_PROHIBITED: confirmed and not PROHIBITED) */
        TIER;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public EvidenceRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an evidence reference needs a name after the colon");
        }
    }

    /** Reads {@code kind:name}; throws with a message that lists the kinds when it is not one. */
    public static EvidenceRef parse(String text, Period maxAge) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not an evidence reference (kind:name, e.g. decision:SIGN_OFF)");
        }
        String kind = text.substring(0, colon);
        Kind found = Arrays.stream(Kind.values()).filter(k -> k.prefix().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown evidence kind '" + kind + "' in '" + text
                        + "': one of " + String.join(", ", Arrays.stream(Kind.values()).map(Kind::prefix).toList())));
        return new EvidenceRef(found, text.substring(colon + 1), maxAge);
    }

    /** As written in a framework file. */
    public String text() {
        return kind.prefix() + ":" + name;
    }

    @Override
    public String toString() {
        return maxAge == null ? text() : text() + " (at most " + maxAge + " old)";
    }
}
