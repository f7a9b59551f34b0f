package org.modelgov.validation;

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
}
