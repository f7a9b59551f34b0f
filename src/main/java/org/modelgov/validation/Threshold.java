package org.modelgov.validation;

import java.util.List;

/**
 * One bound of the {@code ValidationThresholds} policy: the value must compare to {@code bound} as
 * {@code comparison} says, else the finding is {@code level}.
 */
public record Threshold(double bound, Comparison comparison, FindingLevel level) {

    public enum Comparison {
        AT_LEAST, AT_MOST, ABS_AT_MOST, BELOW
    }

    public boolean holds(double value) {
        return switch (comparison) {
            case AT_LEAST -> value >= bound;
            case AT_MOST -> value <= bound;
            case ABS_AT_MOST -> Math.abs(value) <= bound;
            case BELOW -> value < bound;
        };
    }

    public String describe() {
        return switch (comparison) {
            case AT_LEAST -> "at least " + bound;
            case AT_MOST -> "at most " + bound;
            case ABS_AT_MOST -> "within ±" + bound;
            case BELOW -> "below " + bound;
        };
    }

    /** The bound and what breaking it means, e.g. {@code at least 0.8 (else FAIL)}. */
    public String describeWithLevel() {
        return describe() + " (else " + level + ")";
    }

    /**
     * The level {@code value} earns against {@code bounds}: that of the worst bound it breaks, PASS when it holds
     * them all, INFO when there are none.
     */
    public static FindingLevel levelOf(double value, List<Threshold> bounds) {
        FindingLevel worst = null;
        for (Threshold t : bounds) {
            if (!t.holds(value) && (worst == null || t.level().ordinal() < worst.ordinal())) {
                worst = t.level();
            }
        }
        return worst != null ? worst : bounds.isEmpty() ? FindingLevel.INFO : FindingLevel.PASS;
    }
}
