package org.modelgov.fairness.bias;

import static org.modelgov.fairness.bias.FacetOutcomes.A;
import static org.modelgov.fairness.bias.FacetOutcomes.D;

/**
 * The distributions P_a and P_d of the positive-label indicator (values false, true) in the two
 * facets, aligned as smclarify's {@code pdfs_aligned_nonzero} does: only the values whose
 * probability is non-zero in <em>both</em> facets are kept. So when one facet has only positive
 * labels, every divergence is computed on the single value "true". With no common value the
 * metrics cannot be computed.
 */
final class LabelDistributions {

    private final double[] pa;
    private final double[] pd;

    private LabelDistributions(double[] pa, double[] pd) {
        this.pa = pa;
        this.pd = pd;
    }

    static LabelDistributions of(FacetOutcomes o) {
        long na = o.size(A);
        long nd = o.size(D);
        double[] pa = new double[2];
        double[] pd = new double[2];
        int common = 0;
        for (int label = 0; label <= 1; label++) { // sorted keys: false before true
            long ca = o.withLabel(A, label);
            long cd = o.withLabel(D, label);
            if (ca != 0 && cd != 0) {
                pa[common] = (double) ca / na;
                pd[common] = (double) cd / nd;
                common++;
            }
        }
        if (common == 0) {
            throw new MetricNotComputable("No instance of common facet found, dataset may be too small");
        }
        return new LabelDistributions(java.util.Arrays.copyOf(pa, common), java.util.Arrays.copyOf(pd, common));
    }

    /** KL(P_a, P_d) = Σ_x P_a(x) ln(P_a(x) / P_d(x)). */
    double kullbackLeibler() {
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += pa[i] * Math.log(pa[i] / pd[i]);
        }
        return sum;
    }

    /** JS = ½ [KL(P_a, P) + KL(P_d, P)] with P = ½ (P_a + P_d). */
    double jensenShannon() {
        double klA = 0;
        double klD = 0;
        for (int i = 0; i < pa.length; i++) {
            double p = 0.5 * (pa[i] + pd[i]);
            klA += pa[i] * Math.log(pa[i] / p);
            klD += pd[i] * Math.log(pd[i] / p);
        }
        return 0.5 * (klA + klD);
    }

    /** LP = (Σ_x |P_a(x) - P_d(x)|²)^½ (Clarify's LP uses p = 2). */
    double l2Norm() {
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            double diff = pa[i] - pd[i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /** TVD = ½ Σ_x |P_a(x) - P_d(x)|. */
    double totalVariationDistance() {
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs(pa[i] - pd[i]);
        }
        return 0.5 * sum;
    }

    /** KS = max_x |P_a(x) - P_d(x)|. */
    double kolmogorovSmirnov() {
        double max = 0;
        for (int i = 0; i < pa.length; i++) {
            max = Math.max(max, Math.abs(pa[i] - pd[i]));
        }
        return max;
    }
}
