package org.modelgov.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.modelgov.drift.DriftAnalysis;
import org.modelgov.drift.DriftConfig;
import org.modelgov.drift.DriftReport;
import org.modelgov.fairness.bias.BiasAnalysis;
import org.modelgov.fairness.bias.BiasReport;
import org.modelgov.fairness.config.AnalysisConfig;
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
 * Steady-state throughput of the metrics API on in-memory CSV (no JVM start, no disk): the bias
 * metrics except FT, FT alone, and drift. Run with {@code bin/bench-metrics --jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BiasAnalysisBenchmark {

    @Param({"1000000"})
    int rows;

    private byte[] csv;
    private byte[] flipTestCsv;
    private AnalysisConfig biasConfig;
    private AnalysisConfig flipTestConfig;

    @Setup
    public void generate() throws IOException {
        csv = data(rows, 42);
        flipTestCsv = data(100_000, 43);
        biasConfig = config("/benchmark/bias-config.json");
        flipTestConfig = config("/benchmark/flip-test-config.json");
    }

    private static byte[] data(int rows, long seed) throws IOException {
        StringWriter out = new StringWriter(rows * 40);
        BenchmarkData.write(out, rows, seed);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static AnalysisConfig config(String resource) throws IOException {
        try (InputStream in = BiasAnalysisBenchmark.class.getResourceAsStream(resource)) {
            return AnalysisConfig.parse(in);
        }
    }

    /** All bias metrics but FT on {@code rows} rows × 7 columns. */
    @Benchmark
    public BiasReport biasWithoutFlipTest() {
        return BiasAnalysis.run(new ByteArrayInputStream(csv), biasConfig);
    }

    /** FT alone on 100,000 rows (k-d tree, k = 5). */
    @Benchmark
    public BiasReport flipTest100k() {
        return BiasAnalysis.run(new ByteArrayInputStream(flipTestCsv), flipTestConfig);
    }

    /** PSI, KS and JS for all 7 columns, reference = current = {@code rows} rows. */
    @Benchmark
    public DriftReport drift() {
        return DriftAnalysis.run(new ByteArrayInputStream(csv), new ByteArrayInputStream(csv), DriftConfig.defaults());
    }
}
