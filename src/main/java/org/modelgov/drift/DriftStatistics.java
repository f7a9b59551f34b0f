package org.modelgov.drift;

import java.util.Arrays;

/** The drift statistics, each on already collected values or counts. */
public final class DriftStatistics {

    /** Share given to an empty bin or category so that PSI stays finite. */
    public static final double EMPTY_BIN_SHARE = 0.0001;
    static final int PSI_BINS = 10;

    private DriftStatistics() {
    }

    /**
     * The distinct reference deciles q10 … q90 (numpy's default linear interpolation: position
     * h = (n - 1)·p, q = x⌊h⌋ + (h - ⌊h⌋)(x⌊h⌋+1 - x⌊h⌋)). They bound the PSI bins
     * (-∞, e1], (e1, e2], …, (em, +∞).
     *
     * @param sortedReference the reference values in ascending order, not empty
     */
    public static double[] decileEdges(double[] sortedReference) {
        int n = sortedReference.length;
        double[] edges = new double[PSI_BINS - 1];
        int count = 0;
        for (int k = 1; k < PSI_BINS; k++) {
            double h = (n - 1) * (k / (double) PSI_BINS);
            int lower = (int) Math.floor(h);
            int upper = Math.min(lower + 1, n - 1);
            double q = sortedReference[lower] + (h - lower) * (sortedReference[upper] - sortedReference[lower]);
            if (count == 0 || q > edges[count - 1]) {
                edges[count++] = q;
            }
        }
        return Arrays.copyOf(edges, count);
    }

    /** Counts of sorted values in the bins (-∞, e1], (e1, e2], …, (em, +∞). */
    public static long[] binCounts(double[] sortedValues, double[] edges) {
        long[] counts = new long[edges.length + 1];
        int previous = 0;
        for (int b = 0; b < edges.length; b++) {
            int end = upperBound(sortedValues, edges[b]);
            counts[b] = end - previous;
            previous = end;
        }
        counts[edges.length] = sortedValues.length - previous;
        return counts;
    }

    /**
     * PSI = Σ_i (c_i - r_i) · ln(c_i / r_i), with r_i and c_i the reference and current shares of bin
     * (or category) i, an empty share counted as {@value #EMPTY_BIN_SHARE}.
     */
    public static double populationStabilityIndex(long[] referenceCounts, long[] currentCounts) {
        long referenceTotal = Arrays.stream(referenceCounts).sum();
        long currentTotal = Arrays.stream(currentCounts).sum();
        double psi = 0;
        for (int i = 0; i < referenceCounts.length; i++) {
            double r = share(referenceCounts[i], referenceTotal);
            double c = share(currentCounts[i], currentTotal);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    private static double share(long count, long total) {
        return count == 0 || total == 0 ? EMPTY_BIN_SHARE : (double) count / total;
    }

    /**
     * Two-sample Kolmogorov–Smirnov statistic D = sup_x |F_ref(x) - F_cur(x)| of the empirical
     * distribution functions.
     */
    public static double kolmogorovSmirnov(double[] sortedReference, double[] sortedCurrent) {
        int n = sortedReference.length;
        int m = sortedCurrent.length;
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n && j < m) {
            double x = Math.min(sortedReference[i], sortedCurrent[j]);
            while (i < n && sortedReference[i] == x) {
                i++;
            }
            while (j < m && sortedCurrent[j] == x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / n - (double) j / m));
        }
        return d;
    }

    /**
     * Jensen–Shannon divergence (natural log) of two category distributions:
     * JS = ½ Σ p ln(p/m) + ½ Σ q ln(q/m), m = ½ (p + q), terms with p = 0 (or q = 0) being 0.
     */
    public static double jensenShannon(long[] referenceCounts, long[] currentCounts) {
        long referenceTotal = Arrays.stream(referenceCounts).sum();
        long currentTotal = Arrays.stream(currentCounts).sum();
        double js = 0;
        for (int i = 0; i < referenceCounts.length; i++) {
            double p = referenceTotal == 0 ? 0 : (double) referenceCounts[i] / referenceTotal;
            double q = currentTotal == 0 ? 0 : (double) currentCounts[i] / currentTotal;
            double mid = 0.5 * (p + q);
            if (p > 0) {
                js += 0.5 * p * Math.log(p / mid);
            }
            if (q > 0) {
                js += 0.5 * q * Math.log(q / mid);
            }
        }
        return js;
    }

    /** Index of the first element greater than {@code value} in a sorted array. */
    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
