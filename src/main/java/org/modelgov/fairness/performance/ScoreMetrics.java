package org.modelgov.fairness.performance;

import java.util.Arrays;

import org.modelgov.fairness.bias.MetricNotComputable;

/** Metrics of a probability score against the observed binary label. */
public final class ScoreMetrics {

    /** scikit-learn's default clipping for log loss: the machine epsilon of double. */
    static final double LOG_LOSS_EPSILON = Math.ulp(1.0);

    private ScoreMetrics() {
    }

    /**
     * AUC-ROC = P(score of a random positive &gt; score of a random negative) + ½ P(equal), i.e.
     * the Mann-Whitney statistic, equal to the trapezoidal area under the ROC curve with ties.
     * Sorts the positive and negative scores separately, then counts in one merge.
     */
    public static double rocAuc(double[] scores, boolean[] positive, int rows) {
        int positives = 0;
        for (int i = 0; i < rows; i++) {
            if (positive[i]) {
                positives++;
            }
        }
        int negatives = rows - positives;
        if (positives == 0 || negatives == 0) {
            throw new MetricNotComputable("Only one class present in the observed labels: ROC AUC is not defined");
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        int p = 0;
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (positive[i]) {
                pos[p++] = scores[i];
            } else {
                neg[n++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double wins = 0; // pairs where the positive scores higher, ties count ½
        int below = 0;
        int belowOrEqual = 0;
        for (double s : pos) {
            while (below < negatives && neg[below] < s) {
                below++;
            }
            if (belowOrEqual < below) {
                belowOrEqual = below;
            }
            while (belowOrEqual < negatives && neg[belowOrEqual] <= s) {
                belowOrEqual++;
            }
            wins += below + 0.5 * (belowOrEqual - below);
        }
        return wins / ((double) positives * negatives);
    }

    /** Log loss = -(1/n) Σ [y ln p + (1 - y) ln(1 - p)], p clipped to [ε, 1 - ε] as scikit-learn does. */
    public static double logLoss(double[] scores, boolean[] positive, int rows) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            double p = Math.min(Math.max(scores[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
            sum += positive[i] ? Math.log(p) : Math.log(1 - p);
        }
        return -sum / rows;
    }

    /** Brier score = (1/n) Σ (p - y)². */
    public static double brierScore(double[] scores, boolean[] positive, int rows) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            double diff = scores[i] - (positive[i] ? 1 : 0);
            sum += diff * diff;
        }
        return sum / rows;
    }
}
