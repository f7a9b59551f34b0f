package org.modelgov.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelgov.abtest.MetricComparison.Verdict;

/** Every metric kind through every verdict, with the figures and the reason a reviewer reads. */
class StatisticalChallengerComparatorTest {

    static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofHours(24));
    static final AbTestProperties PROPERTIES = new AbTestProperties(Duration.ofMinutes(5), "ModelGov/Business",
            List.of(new AbTestProperties.BusinessMetric("approval_rate", true),
                    new AbTestProperties.BusinessMetric("complaint_rate", false)), 8);

    private final StatisticalChallengerComparator comparator = new StatisticalChallengerComparator(PROPERTIES);

    static ComparisonPolicy policy(String... metrics) {
        return new ComparisonPolicy(true, 0.1, Duration.ofHours(24), List.of(metrics), 0.05, 0.05, 1000,
                "HIGH: 5 % drop fails");
    }

    /** A variant's series: each metric's values one period (5 min) apart. */
    static final class Series {
        private final String variant;
        private final Map<String, List<VariantSeries.Sample>> metrics = new HashMap<>();

        Series(String variant) {
            this.variant = variant;
        }

        Series with(String metric, double... values) {
            List<VariantSeries.Sample> samples = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                samples.add(new VariantSeries.Sample(FROM.plus(Duration.ofMinutes(5L * i)), values[i]));
            }
            metrics.put(metric, samples);
            return this;
        }

        /** {@code total} spread evenly over {@code periods} periods (the rest in the first). */
        Series count(String metric, long total, int periods) {
            double[] values = new double[periods];
            for (int i = 0; i < periods; i++) {
                values[i] = total / periods + (i == 0 ? total % periods : 0);
            }
            return with(metric, values);
        }

        VariantSeries build() {
            return new VariantSeries(variant, metrics);
        }
    }

    static Series champion() {
        return new Series("champion-v1");
    }

    static Series challenger() {
        return new Series("challenger-v2");
    }

    private MetricComparison only(ComparisonPolicy policy, Series champion, Series challenger) {
        ChallengerComparison result = comparator.compare("credit-prod", policy, champion.build(), challenger.build(),
                FROM, TO);
        assertThat(result.metrics()).hasSize(1);
        return result.metrics().get(0);
    }

    // --- error rate ---

    @Test
    void aSignificantlyHigherErrorRateBeyondTheAllowedDropFails() {
        // 3.0 % against 4.5 %: z = 1.7655, p = 0.03874 (TwoProportionZTestTest's SciPy reference)
        MetricComparison errors = only(policy(VariantMetricSource.ERRORS_5XX),
                champion().count("Invocations", 1000, 10).count("Invocation5XXErrors", 30, 10),
                challenger().count("Invocations", 1000, 10).count("Invocation5XXErrors", 45, 10));

        assertThat(errors.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(errors.test()).isEqualTo("TWO_PROPORTION_Z");
        assertThat(errors.championValue()).isEqualTo(0.03);
        assertThat(errors.challengerValue()).isEqualTo(0.045);
        assertThat(errors.relativeChange()).isCloseTo(0.5, within(1e-12));
        assertThat(errors.pValue()).isCloseTo(0.03874243256632235, within(1e-12));
        assertThat(errors.reason()).contains("challenger 4.5 % (45 of 1,000)", "champion 3 % (30 of 1,000)",
                "pooled two-proportion z-test",
                "50.0 % worse", "z = 1.765", "p = 0.0387", "Fails", "5 %");
    }

    @Test
    void aHigherErrorRateThatIsNotSignificantPasses() {
        MetricComparison errors = only(policy(VariantMetricSource.ERRORS_5XX),
                champion().count("Invocations", 1000, 10).count("Invocation5XXErrors", 3, 10),
                challenger().count("Invocations", 1000, 10).count("Invocation5XXErrors", 5, 10));

        assertThat(errors.verdict()).isEqualTo(Verdict.PASS);
        assertThat(errors.relativeChange()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(errors.pValue()).isGreaterThan(0.05);
        assertThat(errors.reason()).contains("but not significantly");
    }

    @Test
    void aSignificantlyButOnlySlightlyHigherErrorRatePassesOnHugeTraffic() {
        // 1.00 % against 1.04 %: significant on 10 million calls each, but only 4 % worse (the policy allows 5 %)
        MetricComparison errors = only(policy(VariantMetricSource.ERRORS_5XX),
                champion().count("Invocations", 10_000_000, 10).count("Invocation5XXErrors", 100_000, 10),
                challenger().count("Invocations", 10_000_000, 10).count("Invocation5XXErrors", 104_000, 10));

        assertThat(errors.pValue()).isLessThan(1e-10);
        assertThat(errors.verdict()).isEqualTo(Verdict.PASS);
        assertThat(errors.reason()).contains("Passes: not higher than the champion by more than the 5 %");
    }

    @Test
    void aChampionWithoutErrorsIsMeasuredAgainstTheRuleOfThree() {
        // 0 of 20,000: taken as at most 3/20,000 = 0.015 %; 10 of 2,000 = 0.5 % is far above and significant
        MetricComparison errors = only(policy(VariantMetricSource.ERRORS_5XX),
                champion().count("Invocations", 20_000, 10).with("Invocation5XXErrors"),
                challenger().count("Invocations", 2_000, 10).count("Invocation5XXErrors", 10, 10));
        assertThat(errors.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(errors.test()).isEqualTo("CONDITIONAL_BINOMIAL_EXACT");
        assertThat(errors.pValue()).isCloseTo(3.855432894295319e-11, within(1e-20));
        assertThat(errors.championValue()).isZero();
        assertThat(errors.relativeChange()).isCloseTo((0.005 - 0.00015) / 0.00015, within(1e-9));
        assertThat(errors.reason()).contains("rule of three", "0.015 %");

        // one error in 2,000 is 0.05 %: above the bound too, but one error is no evidence (exact p = 1/11; the
        // z-test's approximation would have said p = 0.0008)
        MetricComparison one = only(policy(VariantMetricSource.ERRORS_5XX),
                champion().count("Invocations", 20_000, 10).with("Invocation5XXErrors"),
                challenger().count("Invocations", 2_000, 10).count("Invocation5XXErrors", 1, 10));
        assertThat(one.verdict()).isEqualTo(Verdict.PASS);
        assertThat(one.pValue()).isCloseTo(1.0 / 11, within(1e-15));
        assertThat(one.reason()).contains("exact conditional binomial test", "but not significantly");

        // no error on either side
        MetricComparison none = only(policy(VariantMetricSource.ERRORS_5XX),
                champion().count("Invocations", 20_000, 10).with("Invocation5XXErrors"),
                challenger().count("Invocations", 2_000, 10).with("Invocation5XXErrors"));
        assertThat(none.verdict()).isEqualTo(Verdict.PASS);
        assertThat(none.pValue()).isEqualTo(1.0);
        assertThat(none.relativeChange()).isEqualTo(-1.0);
    }

    @Test
    void tooLittleTrafficMakesEveryMetricInconclusiveButKeepsItsFigures() {
        ChallengerComparison result = comparator.compare("credit-prod",
                policy(VariantMetricSource.ERRORS_5XX, VariantMetricSource.MODEL_LATENCY),
                champion().count("Invocations", 5000, 10).count("Invocation5XXErrors", 30, 10)
                        .with("ModelLatency", 10, 11, 12, 10, 11, 12, 10, 11, 12, 10).build(),
                challenger().count("Invocations", 999, 10).count("Invocation5XXErrors", 300, 10)
                        .with("ModelLatency", 20, 21, 22, 20, 21, 22, 20, 21, 22, 20).build(), FROM, TO);

        assertThat(result.metrics()).extracting(MetricComparison::verdict)
                .containsExactly(Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        assertThat(result.metrics().get(0).challengerValue()).isCloseTo(300.0 / 999, within(1e-12));
        assertThat(result.metrics().get(0).reason()).startsWith("Inconclusive: the champion served 5,000 invocations"
                + " and the challenger 999; the policy needs at least 1,000 on each to tell.");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void noInvocationsOrInconsistentCountsAreInconclusive() {
        ComparisonPolicy lenient = new ComparisonPolicy(true, 0.1, Duration.ofHours(1),
                List.of(VariantMetricSource.ERRORS_5XX), 0.05, 0.05, 0, "test");
        assertThat(only(lenient, champion(), challenger().count("Invocations", 10, 1)).reason())
                .contains("no invocations");
        MetricComparison inconsistent = only(lenient, champion().count("Invocations", 10, 1)
                .count("Invocation5XXErrors", 11, 1), challenger().count("Invocations", 10, 1));
        assertThat(inconsistent.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(inconsistent.reason()).contains("more 5XX errors than invocations");
    }

    // --- latency ---

    static double[] latencies(double base, double step, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = base + step * ((i * 7) % n);
        }
        return values;
    }

    @Test
    void aSignificantlySlowerChallengerFails() {
        MetricComparison latency = only(policy(VariantMetricSource.MODEL_LATENCY),
                champion().count("Invocations", 50_000, 12).with("ModelLatency", latencies(40, 0.5, 12)),
                challenger().count("Invocations", 5_000, 12).with("ModelLatency", latencies(48, 0.5, 12)));

        assertThat(latency.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(latency.test()).isEqualTo("MANN_WHITNEY_U");
        assertThat(latency.championValue()).isEqualTo(42.75);
        assertThat(latency.challengerValue()).isEqualTo(50.75);
        assertThat(latency.relativeChange()).isCloseTo(8 / 42.75, within(1e-12));
        // the two samples do not overlap: U = 144 of 144, p = 1.8e-5 by the normal approximation
        assertThat(latency.pValue()).isLessThan(1e-4);
        assertThat(latency.reason()).contains("challenger 50.75 ms against champion 42.75 ms", "U = 144.0",
                "normal approximation", "18.7 % worse", "Fails");
    }

    @Test
    void aChallengerAsFastAsTheChampionPasses() {
        MetricComparison latency = only(policy(VariantMetricSource.MODEL_LATENCY),
                champion().count("Invocations", 50_000, 12).with("ModelLatency", latencies(40, 0.5, 12)),
                challenger().count("Invocations", 5_000, 12).with("ModelLatency", latencies(40.1, 0.5, 12)));
        assertThat(latency.verdict()).isEqualTo(Verdict.PASS);
        assertThat(latency.pValue()).isGreaterThan(0.05);
    }

    @Test
    void aFasterChallengerPassesWithANegativeChange() {
        MetricComparison latency = only(policy(VariantMetricSource.MODEL_LATENCY),
                champion().count("Invocations", 50_000, 8).with("ModelLatency", latencies(40, 0.5, 8)),
                challenger().count("Invocations", 5_000, 8).with("ModelLatency", latencies(20, 0.5, 8)));
        assertThat(latency.verdict()).isEqualTo(Verdict.PASS);
        assertThat(latency.relativeChange()).isNegative();
        // 8 periods each without ties: the exact distribution, P(U >= 0) = 1
        assertThat(latency.reason()).contains("(exact)");
        assertThat(latency.pValue()).isEqualTo(1.0);
    }

    @Test
    void fewerPeriodsThanConfiguredAreInconclusive() {
        MetricComparison latency = only(policy(VariantMetricSource.MODEL_LATENCY),
                champion().count("Invocations", 50_000, 7).with("ModelLatency", latencies(40, 0.5, 7)),
                challenger().count("Invocations", 5_000, 7).with("ModelLatency", latencies(80, 0.5, 7)));
        assertThat(latency.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(latency.reason()).contains("the champion has 7 and the challenger 7 observations, at least 8");
        assertThat(latency.challengerValue()).isEqualTo(80.0);
    }

    // --- business metrics ---

    @Test
    void aBusinessMetricThatDropsMoreThanAllowedFailsAndOneThatHoldsPasses() {
        double[] championRates = {0.61, 0.58, 0.63, 0.60, 0.59, 0.62, 0.64, 0.57, 0.60, 0.61};
        double[] lower = {0.55, 0.57, 0.54, 0.58, 0.56, 0.53, 0.57, 0.55, 0.59, 0.54, 0.56};
        MetricComparison dropped = only(policy("business:approval_rate"),
                champion().count("Invocations", 50_000, 10).with("business:approval_rate", championRates),
                challenger().count("Invocations", 5_000, 10).with("business:approval_rate", lower));

        assertThat(dropped.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(dropped.test()).isEqualTo("BOOTSTRAP_MEAN_DIFFERENCE");
        assertThat(dropped.championValue()).isCloseTo(0.605, within(1e-12));
        assertThat(dropped.relativeChange()).isCloseTo(0.04681818181818176 / 0.605, within(1e-12));
        // BootstrapMeanDifferenceTest's reference case with 10,000 resamples: no resample shows an increase
        assertThat(dropped.pValue()).isEqualTo(1.0 / 10_001);
        assertThat(dropped.reason()).contains("higher is better", "10,000 resamples", "95 % interval", "7.7 % worse", "(p < 0.05)", "Fails");

        MetricComparison held = only(policy("business:approval_rate"),
                champion().count("Invocations", 50_000, 10).with("business:approval_rate", championRates),
                challenger().count("Invocations", 5_000, 10).with("business:approval_rate", championRates));
        assertThat(held.verdict()).isEqualTo(Verdict.PASS);
        assertThat(held.relativeChange()).isZero();
    }

    @Test
    void aLowerIsBetterBusinessMetricFailsWhenItRises() {
        double[] complaints = {0.010, 0.011, 0.009, 0.010, 0.012, 0.010, 0.011, 0.009};
        double[] more = {0.020, 0.022, 0.019, 0.021, 0.020, 0.023, 0.018, 0.021};
        MetricComparison rose = only(policy("business:complaint_rate"),
                champion().count("Invocations", 50_000, 8).with("business:complaint_rate", complaints),
                challenger().count("Invocations", 5_000, 8).with("business:complaint_rate", more));
        assertThat(rose.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(rose.relativeChange()).isGreaterThan(0.9);
        assertThat(rose.reason()).contains("lower is better");

        // the same series the other way round: fewer complaints pass
        MetricComparison fell = only(policy("business:complaint_rate"),
                champion().count("Invocations", 50_000, 8).with("business:complaint_rate", more),
                challenger().count("Invocations", 5_000, 8).with("business:complaint_rate", complaints));
        assertThat(fell.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fell.relativeChange()).isNegative();
    }

    @Test
    void aBusinessMetricWithTooFewPeriodsIsInconclusiveButShowsItsMeans() {
        MetricComparison few = only(policy("business:approval_rate"),
                champion().count("Invocations", 50_000, 3).with("business:approval_rate", 0.6, 0.6, 0.6),
                challenger().count("Invocations", 5_000, 3).with("business:approval_rate", 0.3, 0.3, 0.3));
        assertThat(few.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(few.test()).isEqualTo("BOOTSTRAP_MEAN_DIFFERENCE");
        assertThat(few.championValue()).isCloseTo(0.6, within(1e-12));
        assertThat(few.challengerValue()).isCloseTo(0.3, within(1e-12));
        assertThat(few.relativeChange()).isCloseTo(0.5, within(1e-12));
        assertThat(few.reason()).contains("the champion has 3 and the challenger 3 observations, at least 8");
    }

    @Test
    void allBusinessMetricsStandsForEveryConfiguredOneAndUnknownMetricsAreInconclusive() {
        ComparisonPolicy policy = policy(VariantMetricSource.ERRORS_5XX, "business:*", "business:unheard_of",
                "Invocation4XXErrors");
        assertThat(comparator.metricsToRead(policy)).containsExactly("Invocations", "Invocation5XXErrors",
                "business:approval_rate", "business:complaint_rate", "business:unheard_of", "Invocation4XXErrors");

        double[] flat = {1, 1, 1, 1, 1, 1, 1, 1};
        ChallengerComparison result = comparator.compare("credit-prod", policy,
                champion().count("Invocations", 8000, 8).count("Invocation5XXErrors", 8, 8)
                        .with("business:approval_rate", flat).with("business:complaint_rate", flat).build(),
                challenger().count("Invocations", 8000, 8).count("Invocation5XXErrors", 8, 8)
                        .with("business:approval_rate", flat).with("business:complaint_rate", flat).build(), FROM, TO);

        assertThat(result.metrics()).extracting(MetricComparison::metric).containsExactly("Invocation5XXErrors",
                "business:approval_rate", "business:complaint_rate", "business:unheard_of", "Invocation4XXErrors");
        assertThat(result.metrics()).extracting(MetricComparison::verdict).containsExactly(Verdict.PASS,
                Verdict.PASS, Verdict.PASS, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        assertThat(result.metrics().get(3).reason()).contains("no comparison for 'business:unheard_of'");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void theChallengerPassesWhenEveryMetricPassesAndTheResultCarriesTheSeriesForTheChart() {
        VariantSeries champion = champion().count("Invocations", 50_000, 10).count("Invocation5XXErrors", 50, 10)
                .with("ModelLatency", latencies(40, 0.5, 10)).build();
        VariantSeries challenger = challenger().count("Invocations", 5_000, 10).count("Invocation5XXErrors", 5, 10)
                .with("ModelLatency", latencies(40, 0.5, 10)).build();
        ChallengerComparison result = comparator.compare("credit-prod",
                policy(VariantMetricSource.INVOCATIONS, VariantMetricSource.ERRORS_5XX, VariantMetricSource.MODEL_LATENCY),
                champion, challenger, FROM, TO);

        // Invocations is the traffic, not a compared metric
        assertThat(result.metrics()).extracting(MetricComparison::metric)
                .containsExactly("Invocation5XXErrors", "ModelLatency");
        assertThat(result.passed()).isTrue();
        assertThat(result.championVariant()).isEqualTo("champion-v1");
        assertThat(result.challengerVariant()).isEqualTo("challenger-v2");
        assertThat(result.champion()).isSameAs(champion);
        assertThat(result.from()).isEqualTo(FROM);
        assertThat(result.to()).isEqualTo(TO);
    }

    @Test
    void aChampionFigureOfZeroMakesAnyWorseningAFullHundredPercent() {
        assertThat(StatisticalChallengerComparator.relative(0.2, 0)).isEqualTo(1.0);
        assertThat(StatisticalChallengerComparator.relative(-0.2, 0)).isEqualTo(-1.0);
        assertThat(StatisticalChallengerComparator.relative(0, 0)).isZero();
        assertThat(StatisticalChallengerComparator.relative(1, -4)).isEqualTo(0.25);
        assertThat(StatisticalChallengerComparator.median(new double[]{3, 1, 2, 10})).isEqualTo(2.5);
    }
}
