package org.modelgov.fairness.bias;

/**
 * One metric in a report: a finite or infinite value, or, when it cannot be computed, no value and
 * the reason. Never NaN.
 */
public record MetricResult(String name, String description, Double value, String error) {

    public static MetricResult of(BiasMetric metric, double value) {
        if (Double.isNaN(value)) {
            return failed(metric, "the metric is undefined on this data");
        }
        return new MetricResult(metric.name(), metric.description(), value, null);
    }

    public static MetricResult failed(BiasMetric metric, String error) {
        return new MetricResult(metric.name(), metric.description(), null, error);
    }
}
