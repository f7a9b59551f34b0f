package org.modelgov.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.modelgov.drift.DriftAnalysis;
import org.modelgov.drift.DriftConfig;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.bias.BiasAnalysis;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.data.CsvLimits;

/**
 * One report analysis within the default caps, as the report API runs it, for measuring its heap from
 * outside: {@code bin/bench-upload-memory} starts it under decreasing {@code -Xmx} to find the smallest
 * heap it completes in. Prints one line: outcome, seconds, peak heap used (garbage included).
 *
 * <pre>
 * UploadMemoryHarness bias DATA CONFIG          bias report on DATA
 * UploadMemoryHarness drift REFERENCE CURRENT   drift report
 * UploadMemoryHarness one-line FILE BYTES       writes BYTES of 'x' without a line break (the 400 MB attack)
 * UploadMemoryHarness digits FILE BYTES         writes a one-column numeric CSV of 2-byte rows (drift's worst case)
 * </pre>
 */
public final class UploadMemoryHarness {

    private UploadMemoryHarness() {
    }

    public static void main(String[] args) throws IOException {
        Path first = Path.of(args[1]);
        switch (args[0]) {
            case "one-line" -> writeOneLine(first, Long.parseLong(args[2]));
            case "digits" -> writeDigits(first, Long.parseLong(args[2]));
            default -> measure(args[0], first, Path.of(args[2]));
        }
    }

    private static void measure(String kind, Path first, Path second) throws IOException {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        String outcome;
        try {
            if (kind.equals("bias")) {
                AnalysisConfig config;
                try (InputStream in = Files.newInputStream(second)) {
                    config = AnalysisConfig.parse(in);
                }
                try (InputStream in = Files.newInputStream(first)) {
                    outcome = "ok, " + BiasAnalysis.run(in, config, CsvLimits.DEFAULTS).toJson().length() + " chars";
                }
            } else {
                outcome = "ok, " + DriftAnalysis.run(() -> Files.newInputStream(first),
                        () -> Files.newInputStream(second), DriftConfig.defaults(), CsvLimits.DEFAULTS).toJson().length()
                        + " chars";
            }
        } catch (MetricsInputException e) {
            outcome = "refused: " + e.getMessage();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s | %.1f s | peak heap used %d MB | -Xmx %d MB%n", outcome,
                (System.nanoTime() - start) / 1e9, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void writeOneLine(Path file, long bytes) throws IOException {
        byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
            }
        }
    }

    private static void writeDigits(Path file, long bytes) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 16)) {
            out.write("x\n");
            for (long written = 2; written + 2 <= bytes; written += 2) {
                out.write('0' + random.nextInt(10));
                out.write('\n');
            }
        }
    }
}
