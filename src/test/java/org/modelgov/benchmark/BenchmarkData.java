package org.modelgov.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a reproducible synthetic credit data set (7 columns: age, income, tenure, sex, race,
 * label, predicted) for the benchmarks: same seed, same bytes. About 37 bytes per row.
 *
 * <p>{@code java -cp target/test-classes org.modelgov.benchmark.BenchmarkData FILE ROWS [SEED]}
 */
public final class BenchmarkData {

    private static final String[] RACES = {"Asian", "Black", "Hispanic", "White", "Other"};

    private BenchmarkData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchmarkData FILE ROWS [SEED]");
            System.exit(64);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42L);
    }

    public static void write(Path file, int rows, long seed) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            write(out, rows, seed);
        }
    }

    public static void write(Writer out, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        out.write("age,income,tenure,sex,race,label,predicted\n");
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < rows; i++) {
            int age = 18 + random.nextInt(63);
            double income = Math.round((20000 + random.nextDouble() * 80000) * 100) / 100.0;
            double tenure = Math.round(random.nextDouble() * 30 * 1000) / 1000.0;
            boolean female = random.nextDouble() < 0.45;
            String race = RACES[random.nextInt(RACES.length)];
            double propensity = 0.25 + (age - 18) / 126.0 + (income - 20000) / 400000.0 + (female ? -0.05 : 0.05);
            int label = random.nextDouble() < propensity ? 1 : 0;
            int predicted = random.nextDouble() < (label == 1 ? 0.85 : 0.2) ? 1 : 0;
            line.setLength(0);
            line.append(age).append(',').append(String.format(Locale.ROOT, "%.2f", income)).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", tenure)).append(',').append(female ? "Female" : "Male")
                    .append(',').append(race).append(',').append(label).append(',').append(predicted).append('\n');
            out.append(line);
        }
    }
}
