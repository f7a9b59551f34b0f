package org.modelgov.fairness.bias;

import java.util.List;

/**
 * Clarify's Flip Test (FT). A k-nearest-neighbour classifier is fitted on the advantaged facet a
 * (features → the model's predicted label) and asked about every row of the sensitive facet d:
 * "what would the model have predicted for a similar member of a?".
 *
 * <p>FT = (FT⁺ - FT⁻) / n_d, where FT⁺ counts d rows the model predicts positive but the
 * neighbours' majority negative, and FT⁻ the other way round ({@link SafeDivision#divide}).
 * k = 5, or 1 when a has 9 rows or fewer; Euclidean distance on the unscaled numeric features;
 * uniform majority vote (k is odd, so there is no tie). Equal distances are broken by the earlier
 * row; smclarify (scikit-learn) leaves that order unspecified.
 */
public final class FlipTest {

    static final int DEFAULT_NEIGHBOURS = 5;
    static final int FEW_NEIGHBOURS = 1;
    static final int FEW_SAMPLES = 9;

    private FlipTest() {
    }

    /**
     * @param features  feature columns, each holding one value per row
     * @param inFacetD  per row: whether it is in the sensitive facet d
     * @param predicted per row: whether the model's prediction is positive
     * @param rows      number of rows
     */
    public static double compute(List<double[]> features, boolean[] inFacetD, boolean[] predicted, int rows) {
        int nd = 0;
        for (int i = 0; i < rows; i++) {
            if (inFacetD[i]) {
                nd++;
            }
        }
        int na = rows - nd;
        if (nd == 0) {
            throw new MetricNotComputable("Facet set is empty");
        }
        if (na == 0) {
            throw new MetricNotComputable("Negated Facet set is empty");
        }
        if (features.isEmpty()) {
            throw new MetricNotComputable("FlipTest needs at least one numeric feature column besides facet, label and predicted label");
        }
        int dims = features.size();
        double[] points = new double[na * dims];
        int[] ids = new int[na];
        int p = 0;
        for (int i = 0; i < rows; i++) {
            if (!inFacetD[i]) {
                for (int d = 0; d < dims; d++) {
                    points[p * dims + d] = features.get(d)[i];
                }
                ids[p++] = i;
            }
        }
        KdTree tree = new KdTree(points, ids, dims);
        int k = na > FEW_SAMPLES ? DEFAULT_NEIGHBOURS : FEW_NEIGHBOURS;
        double[] query = new double[dims];
        long flippedToNegative = 0; // model positive, neighbours negative: FT⁺
        long flippedToPositive = 0; // model negative, neighbours positive: FT⁻
        for (int i = 0; i < rows; i++) {
            if (!inFacetD[i]) {
                continue;
            }
            for (int d = 0; d < dims; d++) {
                query[d] = features.get(d)[i];
            }
            int positiveVotes = 0;
            int[] neighbours = tree.nearest(query, k);
            for (int id : neighbours) {
                if (predicted[id]) {
                    positiveVotes++;
                }
            }
            boolean neighboursSayPositive = positiveVotes * 2 > neighbours.length;
            if (predicted[i] && !neighboursSayPositive) {
                flippedToNegative++;
            } else if (!predicted[i] && neighboursSayPositive) {
                flippedToPositive++;
            }
        }
        return SafeDivision.divide(flippedToNegative - flippedToPositive, nd);
    }
}
