package org.modelgov.abtest.stats;

/**
 * The two-proportion z-test with the pooled standard error, as statsmodels {@code proportions_ztest(count, nobs,
 * alternative='larger')} computes it (no continuity correction): p̂ = (x₁ + x₂) / (n₁ + n₂),
 * SE = √(p̂(1 − p̂)(1/n₁ + 1/n₂)), z = (x₂/n₂ − x₁/n₁) / SE, and the one-sided p-value of "the second rate is
 * higher" is 1 − Φ(z).
 *
 * <p>With no variation at all (no event on either side, or only events) SE is 0 and statsmodels answers NaN; here
 * both rates are then equal, which is no evidence of a higher second rate: z = 0 and p = 1.
 */
public final class TwoProportionZTest {

    private TwoProportionZTest() {
    }

    /**
     * @param baseline     the reference rate's events (champion's errors) and trials
     * @param candidate    the rate tested for being higher (challenger's errors) and trials
     */
    public static Result higher(long baselineEvents, long baselineTrials, long candidateEvents, long candidateTrials) {
        check(baselineEvents, baselineTrials, "baseline");
        check(candidateEvents, candidateTrials, "candidate");
        double p1 = (double) baselineEvents / baselineTrials;
        double p2 = (double) candidateEvents / candidateTrials;
        // the pooled rate as a sum of doubles: counts of two long series may overflow a long together
        double pooled = ((double) baselineEvents + candidateEvents) / ((double) baselineTrials + candidateTrials);
        double variance = pooled * (1 - pooled) * (1.0 / baselineTrials + 1.0 / candidateTrials);
        if (variance <= 0) {
            return new Result(p1, p2, pooled, 0, 1);
        }
        double z = (p2 - p1) / Math.sqrt(variance);
        return new Result(p1, p2, pooled, z, Normal.sf(z));
    }

    private static void check(long events, long trials, String which) {
        if (trials <= 0) {
            throw new IllegalArgumentException("the " + which + " needs at least one trial, got " + trials);
        }
        if (events < 0 || events > trials) {
            throw new IllegalArgumentException("the " + which + "'s events must be between 0 and its " + trials
                    + " trials, got " + events);
        }
    }

    /** Both rates, the pooled rate, the z statistic and the one-sided p-value of "the candidate's rate is higher". */
    public record Result(double baselineRate, double candidateRate, double pooledRate, double z, double pValue) {
    }
}
