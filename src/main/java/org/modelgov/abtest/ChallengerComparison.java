package org.modelgov.abtest;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one A/B observation window: every metric compared, and the series behind them (for the chart).
 * The challenger passes only when every metric passes.
 */
public record ChallengerComparison(String endpointName, String championVariant, String challengerVariant,
                                   Instant from, Instant to, ComparisonPolicy policy,
                                   List<MetricComparison> metrics, VariantSeries champion, VariantSeries challenger) {

    public ChallengerComparison {
        metrics = List.copyOf(metrics);
    }

    public boolean passed() {
        return !metrics.isEmpty() && metrics.stream().allMatch(m -> m.verdict() == MetricComparison.Verdict.PASS);
    }
}
