package org.modelgov.abtest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One variant's observations: for each metric, its values in time order. In AWS mode one value is one CloudWatch
 * period's statistic (Sum for counts, Average for latency and business metrics); locally one posted sample.
 */
public record VariantSeries(String variantName, Map<String, List<Sample>> metrics) {

    public VariantSeries {
        metrics = Map.copyOf(metrics);
    }

    public List<Sample> of(String metric) {
        return metrics.getOrDefault(metric, List.of());
    }

    public record Sample(Instant at, double value) {
    }
}
