package org.modelgov.fairness.performance;

import static org.modelgov.fairness.bias.SafeDivision.divide;

/**
 * Confusion matrix and the metrics derived from it, with Clarify's definitions (smclarify
 * basic_stats): accuracy = (TP+TN)/n, precision = TP/(TP+FP), recall = TP/(TP+FN),
 * specificity = TN/(TN+FP), F1 = 2·precision·recall/(precision+recall), each with 0/0 = 0.
 */
public record ClassificationMetrics(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    public long rows() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double accuracy() {
        return divide(truePositives + trueNegatives, rows());
    }

    public double precision() {
        return divide(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return divide(truePositives, truePositives + falseNegatives);
    }

    public double specificity() {
        return divide(trueNegatives, trueNegatives + falsePositives);
    }

    public double f1() {
        double precision = precision();
        double recall = recall();
        return 2 * divide(precision * recall, precision + recall);
    }
}
