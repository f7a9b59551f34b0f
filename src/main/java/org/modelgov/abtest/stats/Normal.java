package org.modelgov.abtest.stats;

/**
 * The standard normal distribution's tails, to double precision, through the complementary error function.
 *
 * <p>erfc is computed as Numerical Recipes does it (Press, Teukolsky, Vetterling, Flannery, <i>Numerical Recipes in
 * C</i>, 2nd ed., §6.2, {@code erffc}): erfc(x) = Q(1/2, x²), the regularized upper incomplete gamma function, from
 * its series ({@code gser}) where x² &lt; 1.5 and from its continued fraction evaluated by the modified Lentz method
 * ({@code gcf}) above; both are iterated until the last term changes the sum by less than one unit in the last
 * place, instead of NR's fixed tolerance, so the result is good to a few units of 1e-15 relative (the subtraction 1 − P near x² = 1.5 costs
 * a digit), also far in the tail
 * (erfc(26) ≈ 5.7e-296), where a p-value of a very significant difference lies.
 */
public final class Normal {

    /** ln Γ(1/2) = ln √π. */
    private static final double LN_GAMMA_HALF = 0.5 * Math.log(Math.PI);
    private static final double EPS = 0x1p-53;
    private static final double TINY = Double.MIN_NORMAL / EPS;
    private static final int MAX_ITERATIONS = 10_000;

    private Normal() {
    }

    /** Φ(x) = P(Z ≤ x). */
    public static double cdf(double x) {
        return sf(-x);
    }

    /** The upper tail 1 − Φ(x) = P(Z &gt; x), computed directly (no cancellation for large x). */
    public static double sf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        // erfc(x/√2) with the square taken as x²/2, not (x/√2)²: one rounding less in the tail's exponent
        double half = 0.5 * x * x;
        double upper = half < 1.5 ? 1 - lowerSeries(half) : upperContinuedFraction(half);
        return x >= 0 ? 0.5 * upper : 1 - 0.5 * upper;
    }

    /** The complementary error function erfc(x) = 1 − erf(x). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2 - erfc(-x);
        }
        double x2 = x * x;
        return x2 < 1.5 ? 1 - lowerSeries(x2) : upperContinuedFraction(x2);
    }

    /** P(1/2, x2) by its series (NR gser with a = 1/2). */
    private static double lowerSeries(double x2) {
        if (x2 == 0) {
            return 0;
        }
        double ap = 0.5;
        double term = 1 / 0.5;
        double sum = term;
        for (int n = 0; n < MAX_ITERATIONS; n++) {
            ap += 1;
            term *= x2 / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                return sum * Math.exp(-x2 + 0.5 * Math.log(x2) - LN_GAMMA_HALF);
            }
        }
        throw new ArithmeticException("erfc series did not converge for x² = " + x2);
    }

    /** Q(1/2, x2) by its continued fraction, modified Lentz (NR gcf with a = 1/2). */
    private static double upperContinuedFraction(double x2) {
        if (Double.isInfinite(x2)) {
            return 0;
        }
        double b = x2 + 1 - 0.5;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            double an = -i * (i - 0.5);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return Math.exp(-x2 + 0.5 * Math.log(x2) - LN_GAMMA_HALF) * h;
            }
        }
        throw new ArithmeticException("erfc continued fraction did not converge for x² = " + x2);
    }
}
