package org.modelgov.abtest;

/**
 * Compares a challenger with its champion under a policy: a two-proportion z-test on error rates
 * ({@code Invocation5XXErrors} / {@code Invocations}), Mann–Whitney U (or a bootstrap) on latency and business
 * metrics. Pure computation: no I/O.
 */
public interface ChallengerComparator {

    ChallengerComparison compare(String endpointName, ComparisonPolicy policy, VariantSeries champion,
                                 VariantSeries challenger, java.time.Instant from, java.time.Instant to);

    /**
     * The metrics to read from each variant's {@link VariantMetricSource} for this policy: its own, with
     * {@code Invocations} (the error rate's denominator and the minimum-traffic check) and, in the implementation,
     * {@code business:*} replaced by every configured business metric.
     */
    default java.util.List<String> metricsToRead(ComparisonPolicy policy) {
        java.util.Set<String> metrics = new java.util.LinkedHashSet<>();
        metrics.add(VariantMetricSource.INVOCATIONS);
        metrics.addAll(policy.metrics());
        return java.util.List.copyOf(metrics);
    }
}
