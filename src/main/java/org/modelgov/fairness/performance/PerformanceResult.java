package org.modelgov.fairness.performance;

/**
 * Model performance on a set of rows: the confusion-matrix metrics, and when a score column is
 * configured AUC-ROC, log loss and Brier score ({@code aucRoc} is null with {@code aucRocError}
 * when only one class is present).
 */
public record PerformanceResult(ClassificationMetrics classification, Double aucRoc, String aucRocError,
        Double logLoss, Double brierScore) {
}
