package org.modelgov.fairness.bias;

import static org.modelgov.fairness.bias.FacetOutcomes.D;

/**
 * CDDL (observed labels) and CDDPL (predicted labels), as smclarify computes them.
 *
 * <p>For each group i of the group variable (in sorted order):
 * A_i = n(positive ∧ d ∧ i) / n(positive ∧ i) and D_i = n(negative ∧ d ∧ i) / n(negative ∧ i),
 * each 0 when its denominator is 0; DD_i = D_i - A_i.
 * CDD = Σ_i n_i · DD_i / Σ_i n_i, where n_i is the number of rows in group i.
 * Needs a group variable and at least one positive and one negative label in the whole data.
 */
final class ConditionalDemographicDisparity {

    private ConditionalDemographicDisparity() {
    }

    static double compute(FacetOutcomes o, boolean predicted) {
        if (!o.hasGroups()) {
            throw new MetricNotComputable("Group variable is empty or not provided");
        }
        long positives = 0;
        long negatives = 0;
        for (int side = 0; side <= 1; side++) {
            positives += predicted ? o.withPrediction(side, 1) : o.withLabel(side, 1);
            negatives += predicted ? o.withPrediction(side, 0) : o.withLabel(side, 0);
        }
        if (positives == 0) {
            throw new MetricNotComputable("No positive labels in set");
        }
        if (negatives == 0) {
            throw new MetricNotComputable("No negative labels in set");
        }
        double weighted = 0;
        double totalCount = 0;
        for (long[] g : o.groups()) {
            FacetOutcomes group = new FacetOutcomes(g, null);
            long n = group.total();
            long positiveD = outcome(group, D, 1, predicted);
            long positiveAll = outcome(group, FacetOutcomes.A, 1, predicted) + positiveD;
            long negativeD = outcome(group, D, 0, predicted);
            long negativeAll = outcome(group, FacetOutcomes.A, 0, predicted) + negativeD;
            double a = positiveAll != 0 ? (double) positiveD / positiveAll : 0;
            double d = negativeAll != 0 ? (double) negativeD / negativeAll : 0;
            weighted += n * (d - a);
            totalCount += n;
        }
        return SafeDivision.divide(weighted, totalCount);
    }

    private static long outcome(FacetOutcomes o, int side, int value, boolean predicted) {
        return predicted ? o.withPrediction(side, value) : o.withLabel(side, value);
    }
}
