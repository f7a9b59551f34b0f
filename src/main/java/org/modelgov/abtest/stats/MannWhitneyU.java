package org.modelgov.abtest.stats;

import java.util.Arrays;

/**
 * The Mann–Whitney U test of "x tends to be greater (or less) than y", as SciPy's {@code mannwhitneyu(x, y,
 * alternative=..., method='auto', use_continuity=True)} computes it.
 *
 * <ul>
 *   <li>U₁ = R₁ − n₁(n₁+1)/2, R₁ the sum of x's mid-ranks in the pooled sample (ties share their mean rank);</li>
 *   <li>the exact null distribution when one sample has at most 8 values and no value occurs twice (SciPy's
 *       {@code 'auto'} rule): the number of orderings with U = u is the coefficient of qᵘ in the Gaussian binomial
 *       [n₁+n₂ choose n₁]_q, p = P(U ≥ observed) for "greater";</li>
 *   <li>otherwise the normal approximation with the tie correction and a continuity correction of 1/2:
 *       σ = √(n₁n₂/12 · ((n+1) − Σ(t³−t)/(n(n−1)))), z = (U − n₁n₂/2 − 1/2) / σ with U = U₁ for "greater" and
 *       U₂ = n₁n₂ − U₁ for "less", p = 1 − Φ(z).</li>
 * </ul>
 * When every value is the same, σ = 0: no evidence either way, p = 1 (SciPy's limit: z = −∞).
 */
public final class MannWhitneyU {

    /** SciPy's 'auto' rule: the exact distribution when a sample is at most this small (and there are no ties). */
    public static final int EXACT_MAX_SIZE = 8;

    public enum Alternative { GREATER, LESS }

    public enum Method { EXACT, ASYMPTOTIC }

    private MannWhitneyU() {
    }

    public static Result test(double[] x, double[] y, Alternative alternative) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need at least one value (got " + n1 + " and " + n2 + ")");
        }
        requireFinite(x, "x");
        requireFinite(y, "y");
        Ranks ranks = Ranks.of(x, y);
        double u1 = ranks.sumOfFirst() - (double) n1 * (n1 + 1) / 2;
        double u2 = (double) n1 * n2 - u1;
        double u = alternative == Alternative.GREATER ? u1 : u2;
        if (!ranks.ties() && Math.min(n1, n2) <= EXACT_MAX_SIZE) {
            return new Result(u1, Double.NaN, exactUpperTail(u, n1, n2), Method.EXACT);
        }
        double n = (double) n1 + n2;
        double variance = (double) n1 * n2 / 12 * ((n + 1) - ranks.tieTerm() / (n * (n - 1)));
        if (variance <= 0) {
            return new Result(u1, Double.NEGATIVE_INFINITY, 1, Method.ASYMPTOTIC);
        }
        double z = (u - (double) n1 * n2 / 2 - 0.5) / Math.sqrt(variance);
        return new Result(u1, z, Normal.sf(z), Method.ASYMPTOTIC);
    }

    /**
     * P(U ≥ u) under the null, without ties. The counts are the Gaussian binomial's coefficients, built as
     * Π_{i=1..m} (1 − q^{n+i}) / (1 − q^i) with m the smaller size; in doubles, which hold them exactly up to 2⁵³
     * and to 16 digits beyond (a p-value needs far fewer).
     */
    static double exactUpperTail(double u, int n1, int n2) {
        int m = Math.min(n1, n2);
        int n = Math.max(n1, n2);
        int degree = m * n;
        // room for the product's degree before each division brings it back to i·n
        double[] counts = new double[degree + m + 1];
        counts[0] = 1;
        int reached = 0;
        for (int i = 1; i <= m; i++) {
            int shift = n + i;
            int top = reached + shift;
            for (int k = top; k >= shift; k--) {
                counts[k] -= counts[k - shift];
            }
            for (int k = i; k <= top; k++) {
                counts[k] += counts[k - i];
            }
            reached = i * n;
        }
        double total = 0;
        double tail = 0;
        for (int k = 0; k <= degree; k++) {
            total += counts[k];
            if (k >= u) {
                tail += counts[k];
            }
        }
        return Math.min(1, tail / total);
    }

    private static void requireFinite(double[] values, String name) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " holds a value that is not a finite number: " + v);
            }
        }
    }

    /**
     * @param u1     U of x (the number of pairs with x &gt; y, ties counting 1/2), SciPy's {@code statistic}
     * @param z      the standardized statistic of the normal approximation (NaN for the exact method)
     * @param pValue one-sided p-value of the chosen alternative
     */
    public record Result(double u1, double z, double pValue, Method method) {
    }

    /**
     * Mid-ranks of the pooled sample: the rank sum of the first sample, whether any value ties, Σ(t³ − t). Both
     * samples are sorted as primitives and walked together, so a million values rank in well under a second.
     */
    private record Ranks(double sumOfFirst, boolean ties, double tieTerm) {

        static Ranks of(double[] first, double[] second) {
            double[] a = first.clone();
            double[] b = second.clone();
            Arrays.sort(a);
            Arrays.sort(b);
            int i = 0;
            int j = 0;
            long below = 0;
            double sum = 0;
            double tieTerm = 0;
            boolean ties = false;
            while (i < a.length || j < b.length) {
                double value = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
                long inFirst = 0;
                while (i < a.length && a[i] == value) {
                    inFirst++;
                    i++;
                }
                long inSecond = 0;
                while (j < b.length && b[j] == value) {
                    inSecond++;
                    j++;
                }
                double t = inFirst + inSecond;
                // ranks below + 1 .. below + t share their mean
                sum += inFirst * (below + (t + 1) / 2);
                if (t > 1) {
                    ties = true;
                    tieTerm += t * t * t - t;
                }
                below += (long) t;
            }
            return new Ranks(sum, ties, tieTerm);
        }
    }
}
