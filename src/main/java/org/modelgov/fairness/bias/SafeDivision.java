package org.modelgov.fairness.bias;

/** Clarify's division rule, so that no metric is ever NaN. */
public final class SafeDivision {

    private SafeDivision() {
    }

    /** a / b, except 0 / 0 = 0 and x / 0 = +Infinity for x &gt; 0, -Infinity for x &lt; 0. */
    public static double divide(double a, double b) {
        if (b == 0) {
            if (a == 0) {
                return 0.0;
            }
            return a < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return a / b;
    }

    /**
     * x - y for two rates that may both be +Infinity (each x/0): Clarify defines that difference as 0
     * instead of NaN.
     */
    public static double difference(double x, double y) {
        if (x == y && x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return x - y;
    }
}
