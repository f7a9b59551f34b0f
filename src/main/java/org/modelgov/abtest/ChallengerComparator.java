package org.modelgov.abtest;

/**
 * Compares a challenger with its champion under a policy: a two-proportion z-test on error rates
 * ({@code Invocation5XXErrors} / {@code Invocations}), Mann–Whitney U (or a bootstrap) on latency and business
 * metrics. Pure computation: no I/O.
 */
public interface ChallengerComparator {

    ChallengerComparison compare(String endpointName, ComparisonPolicy policy, VariantSeries champion,
                                 VariantSeries challenger, java.time.Instant from, java.time.Instant to);
}
