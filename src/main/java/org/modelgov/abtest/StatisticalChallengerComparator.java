package org.modelgov.abtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.modelgov.abtest.MetricComparison.Verdict;
import org.modelgov.abtest.stats.BootstrapMeanDifference;
import org.modelgov.abtest.stats.ConditionalBinomialTest;
import org.modelgov.abtest.stats.MannWhitneyU;
import org.modelgov.abtest.stats.TwoProportionZTest;
import org.springframework.stereotype.Component;

/**
 * The champion/challenger comparison, metric by metric. A metric FAILS only when the challenger is worse by more
 * than the policy's {@code maxRelativeDrop} (relative to the champion) AND a one-sided test says it is worse at the
 * policy's {@code significance}; it PASSES otherwise; it is INCONCLUSIVE when there is too little to tell.
 *
 * <ul>
 *   <li>{@code Invocation5XXErrors}: the error rate Σ errors / Σ invocations, pooled two-proportion z-test. A
 *       z-test's normal approximation needs about 5 expected errors on each side; with fewer (rare errors on a
 *       small challenger share) the exact conditional binomial test decides instead. A
 *       champion without a single error has no rate to be relative to: its rate is then taken as the rule-of-three
 *       bound 3 / n (the 95 % upper confidence bound of a rate with no event in n trials), so a challenger fails
 *       only when it errs clearly more often than "never in n" allows.</li>
 *   <li>{@code ModelLatency}: medians of the per-period averages (ms), Mann–Whitney U (lower is better).</li>
 *   <li>{@code business:<name>}: means of the per-period values, a seeded bootstrap of the difference in means, in
 *       the direction configured ({@link AbTestProperties.BusinessMetric#higherIsBetter()}); {@code business:*}
 *       stands for every configured one.</li>
 * </ul>
 * Every metric is INCONCLUSIVE when either variant served fewer than the policy's {@code minInvocations} (its figures
 * are still shown); latency and business metrics also with fewer than {@code modelgov.abtest.min-periods}
 * observations. {@code Invocations} itself is traffic, not quality: it is used, not compared. Pure computation.
 */
@Component
public class StatisticalChallengerComparator implements ChallengerComparator {

    public static final String TWO_PROPORTION_Z = "TWO_PROPORTION_Z";
    /** Error rates with fewer than 5 expected errors on a side: {@link ConditionalBinomialTest}. */
    public static final String CONDITIONAL_BINOMIAL = "CONDITIONAL_BINOMIAL_EXACT";
    public static final String MANN_WHITNEY_U = "MANN_WHITNEY_U";
    public static final String BOOTSTRAP_MEAN_DIFFERENCE = "BOOTSTRAP_MEAN_DIFFERENCE";
    /** A champion without errors counts as this many errors in its traffic (rule of three). */
    static final double RULE_OF_THREE = 3.0;

    private final AbTestProperties properties;

    public StatisticalChallengerComparator(AbTestProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<String> metricsToRead(ComparisonPolicy policy) {
        return properties.metricsToRead(policy.metrics());
    }

    @Override
    public ChallengerComparison compare(String endpointName, ComparisonPolicy policy, VariantSeries champion,
                                        VariantSeries challenger, Instant from, Instant to) {
        long championCalls = total(champion, VariantMetricSource.INVOCATIONS);
        long challengerCalls = total(challenger, VariantMetricSource.INVOCATIONS);
        Optional<String> tooLittleTraffic = championCalls < policy.minInvocations()
                || challengerCalls < policy.minInvocations()
                ? Optional.of(String.format(Locale.ROOT, "Inconclusive: the champion served %,d invocations and the"
                        + " challenger %,d; the policy needs at least %,d on each to tell.", championCalls,
                        challengerCalls, policy.minInvocations()))
                : Optional.empty();
        List<MetricComparison> compared = new ArrayList<>();
        for (String metric : properties.metricsToRead(policy.metrics())) {
            if (metric.equals(VariantMetricSource.INVOCATIONS)) {
                continue;
            }
            MetricComparison comparison = compare(metric, policy, champion, challenger);
            compared.add(tooLittleTraffic.isPresent() && comparison.verdict() != Verdict.INCONCLUSIVE
                    ? withVerdict(comparison, Verdict.INCONCLUSIVE, tooLittleTraffic.get() + " " + comparison.reason())
                    : comparison);
        }
        return new ChallengerComparison(endpointName, champion.variantName(), challenger.variantName(), from, to,
                policy, compared, champion, challenger);
    }

    private MetricComparison compare(String metric, ComparisonPolicy policy, VariantSeries champion,
                                     VariantSeries challenger) {
        if (metric.equals(VariantMetricSource.ERRORS_5XX)) {
            return errorRate(policy, champion, challenger);
        }
        if (metric.equals(VariantMetricSource.MODEL_LATENCY)) {
            return latency(policy, values(champion, metric), values(challenger, metric));
        }
        Optional<AbTestProperties.BusinessMetric> business = properties.business(metric);
        if (business.isPresent()) {
            return business(business.get(), policy, values(champion, metric), values(challenger, metric));
        }
        return new MetricComparison(metric, "NONE", 0, 0, 0, 1, Verdict.INCONCLUSIVE, "Inconclusive: ModelGov has no"
                + " comparison for '" + metric + "' (it compares " + VariantMetricSource.ERRORS_5XX + ", "
                + VariantMetricSource.MODEL_LATENCY + " and the configured business metrics "
                + properties.businessMetrics().stream().map(AbTestProperties.BusinessMetric::metric).toList() + ").");
    }

    private MetricComparison errorRate(ComparisonPolicy policy, VariantSeries champion, VariantSeries challenger) {
        String metric = VariantMetricSource.ERRORS_5XX;
        long n1 = total(champion, VariantMetricSource.INVOCATIONS);
        long n2 = total(challenger, VariantMetricSource.INVOCATIONS);
        long e1 = total(champion, metric);
        long e2 = total(challenger, metric);
        if (n1 == 0 || n2 == 0) {
            return new MetricComparison(metric, TWO_PROPORTION_Z, 0, 0, 0, 1, Verdict.INCONCLUSIVE, String.format(
                    Locale.ROOT, "Inconclusive: no invocations to compare error rates on (champion %,d, challenger"
                            + " %,d).", n1, n2));
        }
        if (e1 > n1 || e2 > n2) {
            return new MetricComparison(metric, TWO_PROPORTION_Z, 0, 0, 0, 1, Verdict.INCONCLUSIVE, String.format(
                    Locale.ROOT, "Inconclusive: more 5XX errors than invocations (champion %,d of %,d, challenger"
                            + " %,d of %,d); the metric data are inconsistent.", e1, n1, e2, n2));
        }
        TwoProportionZTest.Result test = TwoProportionZTest.higher(e1, n1, e2, n2);
        boolean exact = ConditionalBinomialTest.zTestUnreliable(e1, n1, e2, n2);
        double p = exact ? ConditionalBinomialTest.higher(e1, n1, e2, n2) : test.pValue();
        String testName = exact ? CONDITIONAL_BINOMIAL : TWO_PROPORTION_Z;
        boolean noChampionErrors = e1 == 0;
        double reference = noChampionErrors ? RULE_OF_THREE / n1 : test.baselineRate();
        double relative = (test.candidateRate() - reference) / reference;
        String figures = String.format(Locale.ROOT, "Error rate (%s / %s): challenger %s (%,d of %,d) against"
                        + " champion %s (%,d of %,d)%s, %s; %s, one-sided p = %s.",
                metric, VariantMetricSource.INVOCATIONS, percent(test.candidateRate()), e2, n2,
                percent(test.baselineRate()), e1, n1,
                noChampionErrors ? String.format(Locale.ROOT, ", taken as at most %s by the rule of three (3 / %,d)",
                        percent(reference), n1) : "",
                signedPercent(relative), exact ? "fewer than 5 errors expected on a side, so the exact conditional"
                        + " binomial test" : String.format(Locale.ROOT, "pooled two-proportion z-test z = %.3f",
                        test.z()), pValue(p));
        return judged(metric, testName, test.baselineRate(), test.candidateRate(), relative, p, policy, figures,
                "higher");
    }

    private MetricComparison latency(ComparisonPolicy policy, double[] champion, double[] challenger) {
        String metric = VariantMetricSource.MODEL_LATENCY;
        Optional<String> few = tooFew(champion, challenger);
        double m1 = champion.length == 0 ? 0 : median(champion);
        double m2 = challenger.length == 0 ? 0 : median(challenger);
        if (few.isPresent()) {
            return new MetricComparison(metric, MANN_WHITNEY_U, m1, m2, relative(m2 - m1, m1), 1,
                    Verdict.INCONCLUSIVE, "Inconclusive: " + few.get() + " of " + metric + ".");
        }
        MannWhitneyU.Result test = MannWhitneyU.test(challenger, champion, MannWhitneyU.Alternative.GREATER);
        double relative = relative(m2 - m1, m1);
        String figures = String.format(Locale.ROOT, "Model latency (median of %d and %d per-period averages):"
                        + " challenger %.2f ms against champion %.2f ms, %s; Mann-Whitney U = %.1f (%s), one-sided"
                        + " p = %s.", challenger.length, champion.length, m2, m1, signedPercent(relative), test.u1(),
                test.method() == MannWhitneyU.Method.EXACT ? "exact" : "normal approximation", pValue(test.pValue()));
        return judged(metric, MANN_WHITNEY_U, m1, m2, relative, test.pValue(), policy,
                zeroNote(m1, figures), "slower");
    }

    private MetricComparison business(AbTestProperties.BusinessMetric business, ComparisonPolicy policy,
                                      double[] champion, double[] challenger) {
        String metric = business.metric();
        Optional<String> few = tooFew(champion, challenger);
        double m1 = champion.length == 0 ? 0 : BootstrapMeanDifference.mean(champion);
        double m2 = challenger.length == 0 ? 0 : BootstrapMeanDifference.mean(challenger);
        double worseBy = business.higherIsBetter() ? m1 - m2 : m2 - m1;
        if (few.isPresent()) {
            return new MetricComparison(metric, BOOTSTRAP_MEAN_DIFFERENCE, m1, m2, relative(worseBy, m1), 1,
                    Verdict.INCONCLUSIVE, "Inconclusive: " + few.get() + " of " + metric + ".");
        }
        BootstrapMeanDifference.Result test = BootstrapMeanDifference.test(champion, challenger,
                !business.higherIsBetter(), BootstrapMeanDifference.DEFAULT_RESAMPLES, 1 - policy.significance());
        double relative = relative(worseBy, m1);
        String figures = String.format(Locale.ROOT, "%s (%s is better; mean of %d and %d per-period values):"
                        + " challenger %s against champion %s, %s; bootstrap of the difference in means (%,d"
                        + " resamples, seed %d): %s, %.0f %% interval [%s, %s], one-sided p = %s.", metric,
                business.higherIsBetter() ? "higher" : "lower", challenger.length, champion.length, number(m2),
                number(m1), signedPercent(relative), test.resamples(), test.seed(), number(test.difference()),
                100 * (1 - policy.significance()), number(test.lower()), number(test.upper()), pValue(test.pValue()));
        return judged(metric, BOOTSTRAP_MEAN_DIFFERENCE, m1, m2, relative, test.pValue(), policy,
                zeroNote(m1, figures), "worse");
    }

    /** FAIL only when worse beyond the allowed drop and significantly so. */
    private static MetricComparison judged(String metric, String test, double championValue, double challengerValue,
                                           double relative, double p, ComparisonPolicy policy, String figures,
                                           String worse) {
        boolean beyondDrop = relative > policy.maxRelativeDrop();
        boolean significant = p < policy.significance();
        String allowed = percent(policy.maxRelativeDrop());
        String alpha = new java.math.BigDecimal(number(policy.significance())).stripTrailingZeros().toPlainString();
        String verdict;
        if (beyondDrop && significant) {
            verdict = "Fails: " + worse + " than the champion by more than the " + allowed + " the policy allows,"
                    + " and significantly so (p < " + alpha + ").";
        } else if (beyondDrop) {
            verdict = "Passes: " + worse + " than the champion by more than " + allowed + " in this window, but not"
                    + " significantly (p ≥ " + alpha + ").";
        } else {
            verdict = "Passes: not " + worse + " than the champion by more than the " + allowed + " the policy allows.";
        }
        return new MetricComparison(metric, test, championValue, challengerValue, relative, p,
                beyondDrop && significant ? Verdict.FAIL : Verdict.PASS, figures + " " + verdict);
    }

    private Optional<String> tooFew(double[] champion, double[] challenger) {
        int min = properties.minPeriods();
        return champion.length < min || challenger.length < min
                ? Optional.of(String.format(Locale.ROOT, "the champion has %d and the challenger %d observations,"
                        + " at least %d each are needed", champion.length, challenger.length, min))
                : Optional.empty();
    }

    /**
     * (worse by) / |champion|, positive when worse. A champion's figure of 0 has no relative scale: any worsening
     * counts as 100 %, any improvement as −100 %.
     */
    static double relative(double worseBy, double championValue) {
        if (championValue == 0) {
            return Math.signum(worseBy);
        }
        return worseBy / Math.abs(championValue);
    }

    private static String zeroNote(double championValue, String figures) {
        return championValue == 0 ? figures + " The champion's figure is 0, so any worsening counts as 100 %." : figures;
    }

    private static MetricComparison withVerdict(MetricComparison m, Verdict verdict, String reason) {
        return new MetricComparison(m.metric(), m.test(), m.championValue(), m.challengerValue(), m.relativeChange(),
                m.pValue(), verdict, reason);
    }

    private static long total(VariantSeries series, String metric) {
        double sum = 0;
        for (VariantSeries.Sample sample : series.of(metric)) {
            sum += sample.value();
        }
        return Math.round(sum);
    }

    private static double[] values(VariantSeries series, String metric) {
        return series.of(metric).stream().mapToDouble(VariantSeries.Sample::value).filter(Double::isFinite).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String percent(double fraction) {
        // three significant digits without trailing zeros: 0.24 %, 5 %, 233 %
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", 100 * fraction)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** The relative change in words: "12.5 % worse", "3.0 % better", "no change". */
    private static String signedPercent(double fraction) {
        if (fraction == 0) {
            return "no change";
        }
        return String.format(Locale.ROOT, "%.1f %% %s", 100 * Math.abs(fraction), fraction > 0 ? "worse" : "better");
    }

    private static String pValue(double p) {
        return p == 0 ? "< 1e-300" : String.format(Locale.ROOT, "%.3g", p);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
