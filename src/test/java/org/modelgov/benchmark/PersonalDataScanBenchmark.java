package org.modelgov.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.privacy.PersonalDataClass;
import org.modelgov.privacy.PersonalDataReport;
import org.modelgov.privacy.PersonalDataScan;

/**
 * The personal-data scan on a 1,000,000-row x 20-column CSV file read from disk (about 150 MB): a customer table
 * with e-mails, phones, names, birth dates, IP addresses and a religion column among ordinary features, free text
 * and near misses (order numbers, build numbers, dates). One warm-up run, then the median of five; writes
 * target/bench/personal-data-scan.md. Not part of the normal test run: -Dmodelgov.benchmarks=true.
 */
@EnabledIfSystemProperty(named = "modelgov.benchmarks", matches = "true")
class PersonalDataScanBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int RUNS = 5;

    @Test
    void scanOneMillionRowsOfTwentyColumns() throws IOException {
        Path bench = Path.of("target", "bench");
        Files.createDirectories(bench);
        Path csv = bench.resolve("personal-data-scan-input.csv");
        write(csv);
        long bytes = Files.size(csv);
        LocalDate today = LocalDate.of(2026, 12, 2);
        CsvLimits limits = CsvLimits.DEFAULTS;

        PersonalDataReport report = scan(csv, limits, today); // warm-up
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            report = scan(csv, limits, today);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        double seconds = nanos.get(RUNS / 2) / 1e9;
        double best = nanos.get(0) / 1e9;
        assertThat(report.rows()).isEqualTo(ROWS);
        assertThat(report.found()).isEqualTo(PersonalDataClass.SPECIAL_CATEGORY);
        // every generated value is found, and the near misses (order and build numbers, sign-up dates) are not
        assertThat(report.findings()).extracting(f -> f.column() + "=" + f.rows()).containsExactly(
                "customer_name=" + ROWS, "email=" + ROWS, "phone=" + ROWS, "date_of_birth=" + ROWS,
                "client_ip=" + ROWS, "religion=" + ROWS);

        StringBuilder md = new StringBuilder("# Personal-data scan\n\n")
                .append(String.format(Locale.ROOT, "%,d rows x 20 columns, %.1f MB CSV read from disk (page cache warm),"
                        + " one thread, %d processors, Java %s; one warm-up run, then %d runs.%n%n", ROWS, bytes / 1e6,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), RUNS))
                .append("| | time s | rows/s | MB/s |\n|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| median | %.2f | %,.0f | %.1f |%n", seconds, ROWS / seconds,
                        bytes / 1e6 / seconds))
                .append(String.format(Locale.ROOT, "| best | %.2f | %,.0f | %.1f |%n%n", best, ROWS / best,
                        bytes / 1e6 / best))
                .append("Findings (column, detector, rows, detected by):\n\n");
        report.findings().forEach(f -> md.append(String.format(Locale.ROOT, "- %s: %s, %,d rows (%.1f%%), %s%n",
                f.column(), f.detector(), f.rows(), f.share() * 100, f.detectedBy())));
        Files.writeString(bench.resolve("personal-data-scan.md"), md.toString());
        Files.deleteIfExists(csv);
    }

    private static PersonalDataReport scan(Path csv, CsvLimits limits, LocalDate today) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            return PersonalDataScan.run(in, limits, today);
        }
    }

    private static final String[] FIRST = {"Jane", "John", "Ana", "Li", "Omar", "Zoë", "Pieter", "Aisha"};
    private static final String[] LAST = {"Doe", "Smith", "García", "Chen", "O'Brien", "Müller", "Okafor"};
    private static final String[] RELIGIONS = {"Christian", "Muslim", "Hindu", "Buddhist", "Jewish", "None", "Sikh"};
    private static final String[] PRODUCTS = {"Gold card", "Classic", "Platinum", "Student", "Business"};

    private static void write(Path csv) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,customer_name,email,phone,date_of_birth,signup_date,client_ip,country,sex,age,income,"
                    + "debt_ratio,employment_years,product,order_no,build,religion,notes,approved,predicted\n");
            StringBuilder row = new StringBuilder(256);
            for (int i = 0; i < ROWS; i++) {
                row.setLength(0);
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                row.append(i).append(',')
                        .append(first).append(' ').append(last).append(',')
                        .append(first.toLowerCase(Locale.ROOT)).append('.').append(i).append("@example.org,")
                        .append("+44 7700 ").append(100000 + random.nextInt(900000)).append(',')
                        .append(1940 + random.nextInt(60)).append('-').append(pad(1 + random.nextInt(12))).append('-')
                        .append(pad(1 + random.nextInt(28))).append(',')
                        .append("2024-").append(pad(1 + random.nextInt(12))).append('-')
                        .append(pad(1 + random.nextInt(28))).append(',')
                        .append(10 + random.nextInt(200)).append('.').append(random.nextInt(256)).append('.')
                        .append(random.nextInt(256)).append('.').append(1 + random.nextInt(254)).append(',')
                        .append(random.nextBoolean() ? "GB" : "DE").append(',')
                        .append(random.nextBoolean() ? "Female" : "Male").append(',')
                        .append(18 + random.nextInt(70)).append(',')
                        .append(10000 + random.nextInt(150000)).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", random.nextDouble())).append(',')
                        .append(random.nextInt(40)).append(',')
                        .append(PRODUCTS[random.nextInt(PRODUCTS.length)]).append(',')
                        .append(1_000_000_000_000_000L + random.nextLong(8_000_000_000_000_000L)).append(',')
                        .append("1.").append(random.nextInt(10)).append('.').append(random.nextInt(10)).append('.')
                        .append(random.nextInt(100)).append(',')
                        .append(RELIGIONS[random.nextInt(RELIGIONS.length)]).append(',')
                        .append(random.nextInt(50) == 0 ? "\"asked to be called back, see ticket\"" : "ok").append(',')
                        .append(random.nextInt(2)).append(',').append(random.nextInt(2)).append('\n');
                out.append(row);
            }
        }
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
