package org.modelgov.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.modelgov.abtest.AbTestProperties;
import org.modelgov.abtest.ChallengerComparison;
import org.modelgov.abtest.ComparisonPolicy;
import org.modelgov.abtest.StatisticalChallengerComparator;
import org.modelgov.abtest.VariantSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The champion/challenger comparison at sizes beyond what a window holds: ModelLatency with {@code latencies} values
 * per variant (Mann-Whitney U: two primitive sorts and a merge), and a business metric with 31 days of 5-minute
 * periods (8,928 values per variant, 10,000 bootstrap resamples). Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main
 * ChallengerComparatorBenchmark -rf json -rff target/bench/abtest-comparator.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ChallengerComparatorBenchmark {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Param({"1000000"})
    int latencies;

    private final StatisticalChallengerComparator comparator = new StatisticalChallengerComparator(
            new AbTestProperties(Duration.ofMinutes(5), "Bench", List.of(
                    new AbTestProperties.BusinessMetric("approval_rate", true)), 8));
    private VariantSeries champion;
    private VariantSeries challenger;
    private VariantSeries championBusiness;
    private VariantSeries challengerBusiness;

    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        champion = series("champion", "ModelLatency", latencies, () -> 40 + 10 * random.nextDouble());
        challenger = series("challenger", "ModelLatency", latencies, () -> 40.5 + 10 * random.nextDouble());
        championBusiness = series("champion", "business:approval_rate", 8928, () -> 0.60 + 0.05 * random.nextDouble());
        challengerBusiness = series("challenger", "business:approval_rate", 8928,
                () -> 0.59 + 0.05 * random.nextDouble());
    }

    private static VariantSeries series(String variant, String metric, int n, java.util.function.DoubleSupplier value) {
        List<VariantSeries.Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            samples.add(new VariantSeries.Sample(T0.plusSeconds(i), value.getAsDouble()));
        }
        List<VariantSeries.Sample> calls = List.of(new VariantSeries.Sample(T0, 1_000_000));
        return new VariantSeries(variant, Map.of(metric, samples, "Invocations", calls));
    }

    private static ComparisonPolicy policy(String metric) {
        return new ComparisonPolicy(true, 0.1, Duration.ofDays(1), List.of(metric), 0.05, 0.05, 1000, "bench");
    }

    @Benchmark
    public ChallengerComparison latencyMannWhitney() {
        return comparator.compare("bench", policy("ModelLatency"), champion, challenger, T0, T0.plusSeconds(1));
    }

    @Benchmark
    public ChallengerComparison businessBootstrap() {
        return comparator.compare("bench", policy("business:approval_rate"), championBusiness, challengerBusiness, T0,
                T0.plusSeconds(1));
    }
}
