package org.modelgov.risk;

import java.util.List;
import java.util.Optional;
import org.modelgov.inventory.RiskTier;

/**
 * A risk officer's review of the tier the questionnaire gave: they confirm it or move it one level
 * (LOW ↔ MEDIUM ↔ HIGH ↔ PROHIBITED), and a move needs a written justification.
 */
public final class RiskTierChange {

    /** Tiers in order of risk; UNASSESSED is no tier. */
    private static final List<RiskTier> ORDER = List.of(RiskTier.LOW, RiskTier.MEDIUM, RiskTier.HIGH,
            RiskTier.PROHIBITED);
    static final int MIN_JUSTIFICATION = 20;

    private RiskTierChange() {
    }

    /** Why the review may not set {@code confirmed}, or empty when it may. */
    public static Optional<String> refusal(RiskTier suggested, RiskTier confirmed, String justification) {
        if (confirmed == null || !ORDER.contains(confirmed)) {
            return Optional.of("confirmedRiskTier must be one of LOW, MEDIUM, HIGH, PROHIBITED");
        }
        int distance = Math.abs(ORDER.indexOf(confirmed) - ORDER.indexOf(suggested));
        if (distance > 1) {
            return Optional.of("The tier may move one level from the questionnaire's " + suggested + ", not to "
                    + confirmed + "; if the answers are wrong, have them corrected instead");
        }
        if (distance == 1 && (justification == null || justification.strip().length() < MIN_JUSTIFICATION)) {
            return Optional.of("Changing the tier from " + suggested + " to " + confirmed
                    + " needs a written justification (at least " + MIN_JUSTIFICATION + " characters)");
        }
        return Optional.empty();
    }

    public static RiskTier parse(Object value) {
        if (value instanceof String s) {
            try {
                RiskTier tier = RiskTier.valueOf(s);
                return ORDER.contains(tier) ? tier : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
