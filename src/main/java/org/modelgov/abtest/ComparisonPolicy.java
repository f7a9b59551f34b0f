package org.modelgov.abtest;

import java.time.Duration;
import java.util.List;

/**
 * What the A/B policy (DMN {@code ChallengerPolicy}, {@code processes/challenger-policy.dmn}) asks of one
 * comparison, read by ModelGov's steps from the deployed table (never from process variables).
 *
 * @param required          whether the version must pass an A/B stage before it takes all traffic
 * @param challengerShare   the challenger's traffic share during the test (0 &lt; share &lt; 1), e.g. 0.1
 * @param observationWindow how long traffic is observed before the comparison
 * @param metrics           the metrics compared ({@link VariantMetricSource} names)
 * @param maxRelativeDrop   how much worse the challenger may be, relative to the champion, e.g. 0.05 for HIGH
 * @param significance      the test's significance level (alpha), e.g. 0.05
 * @param minInvocations    fewer invocations than this on either variant and the comparison is inconclusive
 * @param reason            the rule that decided, in words, for the evidence
 */
public record ComparisonPolicy(boolean required, double challengerShare, Duration observationWindow,
                               List<String> metrics, double maxRelativeDrop, double significance,
                               long minInvocations, String reason) {

    public ComparisonPolicy {
        metrics = List.copyOf(metrics);
    }
}
