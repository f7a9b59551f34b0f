package org.modelgov.fairness.config;

import java.util.EnumSet;
import java.util.Set;

import org.modelgov.fairness.bias.BiasMetric;

/** The metrics requested for one stage ({@code "all"} or a list of names). */
public record MetricSelection(Set<BiasMetric> metrics) {

    public MetricSelection {
        metrics = metrics.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(metrics));
    }

    public static MetricSelection all(BiasMetric.Stage stage) {
        return new MetricSelection(EnumSet.copyOf(stage.metrics()));
    }

    public boolean contains(BiasMetric metric) {
        return metrics.contains(metric);
    }
}
