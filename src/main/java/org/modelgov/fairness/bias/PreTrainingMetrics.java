package org.modelgov.fairness.bias;

import static org.modelgov.fairness.bias.FacetOutcomes.A;
import static org.modelgov.fairness.bias.FacetOutcomes.D;

/**
 * Clarify's pre-training bias metrics, computed from counts. Notation: n_a, n_d rows in the
 * advantaged / sensitive facet; n_a^(1), n_d^(1) of them with a positive observed label.
 */
public final class PreTrainingMetrics {

    private PreTrainingMetrics() {
    }

    public static double compute(BiasMetric metric, FacetOutcomes o) {
        return switch (metric) {
            case CI -> classImbalance(o);
            case DPL -> differenceInPositiveProportions(o, false);
            case KL -> LabelDistributions.of(o).kullbackLeibler();
            case JS -> LabelDistributions.of(o).jensenShannon();
            case LP -> LabelDistributions.of(o).l2Norm();
            case TVD -> LabelDistributions.of(o).totalVariationDistance();
            case KS -> LabelDistributions.of(o).kolmogorovSmirnov();
            case CDDL -> ConditionalDemographicDisparity.compute(o, false);
            default -> throw new IllegalArgumentException(metric + " is not a pre-training metric");
        };
    }

    /** CI = (n_a - n_d) / (n_a + n_d); needs both facets non-empty. */
    static double classImbalance(FacetOutcomes o) {
        long na = o.size(A);
        long nd = o.size(D);
        if (na == 0) {
            throw new MetricNotComputable("CI: negated facet set is empty. Check that x[~facet] has non-zero length.");
        }
        if (nd == 0) {
            throw new MetricNotComputable("CI: facet set is empty. Check that x[facet] has non-zero length.");
        }
        return (double) (na - nd) / (na + nd);
    }

    /**
     * DPL = n_a^(1)/n_a - n_d^(1)/n_d on observed labels; DPPL is the same on predicted labels
     * (q̂_a - q̂_d). Needs both facets non-empty.
     */
    static double differenceInPositiveProportions(FacetOutcomes o, boolean predicted) {
        long na = o.size(A);
        long nd = o.size(D);
        if (na == 0) {
            throw new MetricNotComputable("Negative facet set is empty.");
        }
        if (nd == 0) {
            throw new MetricNotComputable("Facet set is empty.");
        }
        long naPositive = predicted ? o.withPrediction(A, 1) : o.withLabel(A, 1);
        long ndPositive = predicted ? o.withPrediction(D, 1) : o.withLabel(D, 1);
        double qa = (double) naPositive / na;
        double qd = (double) ndPositive / nd;
        return qa - qd;
    }
}
