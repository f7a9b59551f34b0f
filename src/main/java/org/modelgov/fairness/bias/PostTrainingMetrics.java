package org.modelgov.fairness.bias;

import static org.modelgov.fairness.bias.FacetOutcomes.A;
import static org.modelgov.fairness.bias.FacetOutcomes.D;
import static org.modelgov.fairness.bias.SafeDivision.difference;
import static org.modelgov.fairness.bias.SafeDivision.divide;

/**
 * Clarify's count-based post-training bias metrics (FT is in {@link FlipTest}). Notation per facet
 * s ∈ {a, d}: n_s rows; n_s^(1), n_s^(0) with positive / negative observed label; n̂_s^(1), n̂_s^(0)
 * with positive / negative predicted label; TP_s, FP_s, TN_s, FN_s the confusion matrix. Every
 * ratio uses {@link SafeDivision#divide} (0/0 = 0, x/0 = ±∞), and a difference of two +∞ rates is 0.
 * All but GE need both facets non-empty.
 */
public final class PostTrainingMetrics {

    private PostTrainingMetrics() {
    }

    public static double compute(BiasMetric metric, FacetOutcomes o) {
        if (metric == BiasMetric.GE) {
            return generalizedEntropy(o);
        }
        if (metric == BiasMetric.CDDPL) {
            return ConditionalDemographicDisparity.compute(o, true);
        }
        if (metric == BiasMetric.DPPL) {
            return PreTrainingMetrics.differenceInPositiveProportions(o, true);
        }
        requireBothFacets(o);
        return switch (metric) {
            case DI -> disparateImpact(o);
            case DCA -> differenceInConditionalAcceptance(o);
            case DCR -> differenceInConditionalRejection(o);
            case RD -> recallDifference(o);
            case SD -> specificityDifference(o);
            case DAR -> differenceInAcceptanceRates(o);
            case DRR -> differenceInRejectionRates(o);
            case AD -> accuracyDifference(o);
            case TE -> treatmentEquality(o);
            default -> throw new IllegalArgumentException(metric + " is not a count-based post-training metric");
        };
    }

    private static void requireBothFacets(FacetOutcomes o) {
        if (o.size(D) == 0) {
            throw new MetricNotComputable("Facet set is empty");
        }
        if (o.size(A) == 0) {
            throw new MetricNotComputable("Negated Facet set is empty");
        }
    }

    /** DI = q̂_d / q̂_a with q̂_s = n̂_s^(1) / n_s. */
    static double disparateImpact(FacetOutcomes o) {
        double qa = (double) o.withPrediction(A, 1) / o.size(A);
        double qd = (double) o.withPrediction(D, 1) / o.size(D);
        return divide(qd, qa);
    }

    /** DCA = c_a - c_d with c_s = n_s^(1) / n̂_s^(1) (observed over predicted positives). */
    static double differenceInConditionalAcceptance(FacetOutcomes o) {
        double ca = divide(o.withLabel(A, 1), o.withPrediction(A, 1));
        double cd = divide(o.withLabel(D, 1), o.withPrediction(D, 1));
        return difference(ca, cd);
    }

    /** DCR = r_d - r_a with r_s = n_s^(0) / n̂_s^(0) (observed over predicted negatives). */
    static double differenceInConditionalRejection(FacetOutcomes o) {
        double ra = divide(o.withLabel(A, 0), o.withPrediction(A, 0));
        double rd = divide(o.withLabel(D, 0), o.withPrediction(D, 0));
        return difference(rd, ra);
    }

    /** RD = recall_a - recall_d, recall_s = TP_s / (TP_s + FN_s). */
    static double recallDifference(FacetOutcomes o) {
        return difference(recall(o, A), recall(o, D));
    }

    /** SD = specificity_d - specificity_a, specificity_s = TN_s / (TN_s + FP_s). */
    static double specificityDifference(FacetOutcomes o) {
        return difference(specificity(o, D), specificity(o, A));
    }

    /** DAR = TP_a / n̂_a^(1) - TP_d / n̂_d^(1) (precision difference). */
    static double differenceInAcceptanceRates(FacetOutcomes o) {
        double ara = divide(o.count(A, 1, 1), o.withPrediction(A, 1));
        double ard = divide(o.count(D, 1, 1), o.withPrediction(D, 1));
        return difference(ara, ard);
    }

    /** DRR = TN_d / n̂_d^(0) - TN_a / n̂_a^(0). */
    static double differenceInRejectionRates(FacetOutcomes o) {
        double rra = divide(o.count(A, 0, 0), o.withPrediction(A, 0));
        double rrd = divide(o.count(D, 0, 0), o.withPrediction(D, 0));
        return difference(rrd, rra);
    }

    /** AD = ACC_a - ACC_d, ACC_s = (TP_s + TN_s) / n_s. */
    static double accuracyDifference(FacetOutcomes o) {
        double accA = divide(o.count(A, 1, 1) + o.count(A, 0, 0), o.size(A));
        double accD = divide(o.count(D, 1, 1) + o.count(D, 0, 0), o.size(D));
        return difference(accA, accD);
    }

    /** TE = FN_d / FP_d - FN_a / FP_a. */
    static double treatmentEquality(FacetOutcomes o) {
        double tauA = divide(o.count(A, 1, 0), o.count(A, 0, 1));
        double tauD = divide(o.count(D, 1, 0), o.count(D, 0, 1));
        return difference(tauD, tauA);
    }

    /**
     * GE with α = 2 over the whole data: benefit b_i = ŷ_i - y_i + 1 ∈ {0, 1, 2}, μ = mean(b),
     * GE = Σ_i ((b_i/μ)^α - 1) / (n α (α - 1)) = Σ_i ((b_i/μ)² - 1) / (2n). Fails when μ = 0
     * (every prediction a false negative).
     */
    static double generalizedEntropy(FacetOutcomes o) {
        long n = o.total();
        if (n == 0) {
            throw new MetricNotComputable("dataset must be non-empty");
        }
        long benefit0 = o.count(A, 1, 0) + o.count(D, 1, 0);
        long benefit2 = o.count(A, 0, 1) + o.count(D, 0, 1);
        long benefit1 = n - benefit0 - benefit2;
        double mean = (double) (benefit1 + 2 * benefit2) / n;
        if (mean == 0) {
            throw new MetricNotComputable(
                    "All predicted labels are false negatives. There should be at least one prediction that is not false negative.");
        }
        double r1 = 1 / mean;
        double r2 = 2 / mean;
        double sum = benefit0 * (0.0 - 1) + benefit1 * (r1 * r1 - 1) + benefit2 * (r2 * r2 - 1);
        return sum / (n * 2.0 * 1.0);
    }

    private static double recall(FacetOutcomes o, int side) {
        return divide(o.count(side, 1, 1), o.count(side, 1, 1) + o.count(side, 1, 0));
    }

    private static double specificity(FacetOutcomes o, int side) {
        return divide(o.count(side, 0, 0), o.count(side, 0, 0) + o.count(side, 0, 1));
    }
}
