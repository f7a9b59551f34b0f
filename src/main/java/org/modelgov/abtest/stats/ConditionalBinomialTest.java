package org.modelgov.abtest.stats;

/**
 * The exact conditional test of "the candidate's event rate is higher" for rare events: given the total K of events
 * on both sides, under equal rates the candidate's share X follows Binomial(K, n₂ / (n₁ + n₂)), and the one-sided
 * p-value is P(X ≥ x₂). This is the classic conditional test of two Poisson rates (Przyborowski &amp; Wilenski,
 * 1940), equal to SciPy's {@code binomtest(x2, x1 + x2, n2 / (n1 + n2), alternative='greater')}, and within a few
 * per cent of Fisher's exact test when events are rare.
 *
 * <p>ModelGov uses it where the pooled z-test's normal approximation is unreliable: fewer than about 5 expected
 * events on a side ({@link #Z_TEST_MIN_EXPECTED}, the usual rule), e.g. 5XX errors on a 10 % challenger.
 */
public final class ConditionalBinomialTest {

    /** Fewer expected events than this on either side and the z-test's approximation is not trusted. */
    public static final double Z_TEST_MIN_EXPECTED = 5;

    private ConditionalBinomialTest() {
    }

    /** Whether the pooled z-test's normal approximation is unreliable for these counts. */
    public static boolean zTestUnreliable(long baselineEvents, long baselineTrials, long candidateEvents,
                                          long candidateTrials) {
        double pooled = ((double) baselineEvents + candidateEvents) / ((double) baselineTrials + candidateTrials);
        double fewest = Math.min(pooled, 1 - pooled) * Math.min(baselineTrials, candidateTrials);
        return fewest < Z_TEST_MIN_EXPECTED;
    }

    /** One-sided p-value of "the candidate's rate (x₂ / n₂) is higher than the baseline's (x₁ / n₁)". */
    public static double higher(long baselineEvents, long baselineTrials, long candidateEvents, long candidateTrials) {
        if (baselineTrials <= 0 || candidateTrials <= 0 || baselineEvents < 0 || candidateEvents < 0) {
            throw new IllegalArgumentException("trials must be positive and events not negative");
        }
        long total = baselineEvents + candidateEvents;
        if (candidateEvents == 0) {
            return 1;
        }
        double share = (double) candidateTrials / ((double) baselineTrials + candidateTrials);
        double logShare = Math.log(share);
        double logRest = Math.log1p(-share);
        // log P(X = x₂) = ln C(K, x₂) + x₂ ln q + (K − x₂) ln(1 − q), the binomial coefficient as a running sum
        double logTerm = 0;
        for (long i = 1; i <= candidateEvents; i++) {
            logTerm += Math.log((double) (total - i + 1) / i);
        }
        logTerm += candidateEvents * logShare + (total - candidateEvents) * logRest;
        double term = Math.exp(logTerm);
        double sum = term;
        double ratio = share / (1 - share);
        double mode = (total + 1) * share;
        for (long x = candidateEvents; x < total; x++) {
            term *= (double) (total - x) / (x + 1) * ratio;
            sum += term;
            // past the mode the terms only shrink: stop once they no longer change the sum
            if (x > mode && term < sum * 1e-17) {
                break;
            }
        }
        return Math.min(1, sum);
    }
}
