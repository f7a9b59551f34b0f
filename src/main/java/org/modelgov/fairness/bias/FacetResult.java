package org.modelgov.fairness.bias;

import java.util.List;

/** The metrics for one facet selection ({@code value_or_threshold}), sorted by metric name. */
public record FacetResult(String valueOrThreshold, List<MetricResult> metrics) {

    public FacetResult {
        metrics = List.copyOf(metrics);
    }

    public MetricResult metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric " + name));
    }
}
