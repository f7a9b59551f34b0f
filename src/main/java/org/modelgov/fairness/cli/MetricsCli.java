package org.modelgov.fairness.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.modelgov.drift.DriftAnalysis;
import org.modelgov.drift.DriftConfig;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.bias.BiasAnalysis;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.impact.ImpactRatioAnalysis;
import org.modelgov.fairness.performance.PerformanceAnalysis;

/**
 * {@code modelgov-metrics}: bias, performance, impact-ratio and drift reports from CSV files, as
 * JSON on stdout. Bad input ends with exit code 2 and one line on stderr; usage errors with exit 64.
 * CSV files are read within the server's caps, overridable by the same environment variables
 * ({@code MODELGOV_DATASETS_LIMITS_MAX_RECORD_SIZE=4MB}, ...).
 */
public final class MetricsCli {

    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_USAGE = 64;

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: modelgov-metrics bias --data FILE --config FILE",
            "       modelgov-metrics performance --data FILE --config FILE",
            "       modelgov-metrics impact-ratio --data FILE --config FILE",
            "       modelgov-metrics drift --reference FILE --current FILE [--config FILE]");

    private MetricsCli() {
    }

    public static void main(String[] args) {
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        int status = run(args, out, System.err);
        try {
            out.flush();
        } catch (IOException e) {
            status = 1;
        }
        System.exit(status);
    }

    /** Runs one command; returns the process exit code. Testable without exiting the JVM. */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(String[] args, Map<String, String> environment, OutputStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            err.println(USAGE);
            return args.length == 0 ? EXIT_USAGE : 0;
        }
        try {
            String command = args[0];
            Map<String, String> options = options(args);
            CsvLimits limits = limits(environment);
            switch (command) {
                case "bias" -> {
                    require(options, Set.of("--data", "--config"), Set.of());
                    AnalysisConfig config = config(options);
                    try (InputStream data = open(options.get("--data"))) {
                        BiasAnalysis.run(data, config, limits).writeJson(out);
                    }
                }
                case "performance" -> {
                    require(options, Set.of("--data", "--config"), Set.of());
                    AnalysisConfig config = config(options);
                    try (InputStream data = open(options.get("--data"))) {
                        PerformanceAnalysis.run(data, config, limits).writeJson(out);
                    }
                }
                case "impact-ratio" -> {
                    require(options, Set.of("--data", "--config"), Set.of());
                    AnalysisConfig config = config(options);
                    try (InputStream data = open(options.get("--data"))) {
                        ImpactRatioAnalysis.run(data, config, limits).writeJson(out);
                    }
                }
                case "drift" -> {
                    require(options, Set.of("--reference", "--current"), Set.of("--config"));
                    DriftConfig config = DriftConfig.defaults();
                    if (options.containsKey("--config")) {
                        try (InputStream json = open(options.get("--config"))) {
                            config = DriftConfig.parse(json);
                        }
                    }
                    DriftAnalysis.run(() -> open(options.get("--reference")), () -> open(options.get("--current")),
                            config, limits)
                            .writeJson(out);
                }
                default -> throw new UsageException("unknown command '" + command + "'");
            }
            out.write('\n');
            return 0;
        } catch (UsageException e) {
            err.println("modelgov-metrics: " + e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        } catch (MetricsInputException e) {
            err.println("modelgov-metrics: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("modelgov-metrics: " + oneLine(e));
            return EXIT_BAD_INPUT;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("modelgov-metrics: internal error: " + oneLine(e));
            return 1;
        }
    }

    /** The caps from the environment, as the server reads them; sizes in bytes or with KB, MB, GB (1024). */
    static CsvLimits limits(Map<String, String> environment) {
        CsvLimits d = CsvLimits.DEFAULTS;
        return new CsvLimits((int) Math.min(size(environment, "MAX_RECORD_SIZE", d.maxRecordBytes()), 1L << 30),
                (int) Math.min(size(environment, "MAX_FIELD_SIZE", d.maxFieldBytes()), 1L << 30),
                (int) Math.min(size(environment, "MAX_COLUMNS", d.maxColumns()), Integer.MAX_VALUE),
                size(environment, "MAX_TOTAL_SIZE", d.maxTotalBytes()));
    }

    private static long size(Map<String, String> environment, String name, long otherwise) {
        String variable = "MODELGOV_DATASETS_LIMITS_" + name;
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String text = value.strip().toUpperCase(java.util.Locale.ROOT);
        int shift = text.endsWith("GB") ? 30 : text.endsWith("MB") ? 20 : text.endsWith("KB") ? 10 : 0;
        String digits = shift > 0 ? text.substring(0, text.length() - 2) : text.endsWith("B") ? text.substring(0,
                text.length() - 1) : text;
        try {
            long number = Long.parseLong(digits.strip());
            if (number >= 1 && number <= (Long.MAX_VALUE >> shift)) {
                return number << shift;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(variable + " must be a positive size such as 1048576, 64KB or 2GB");
    }

    private static AnalysisConfig config(Map<String, String> options) throws IOException {
        try (InputStream json = open(options.get("--config"))) {
            return AnalysisConfig.parse(json);
        }
    }

    private static String oneLine(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause instanceof NoSuchFileException ? "no such file: " + cause.getMessage() : cause.getMessage();
        if (message == null) {
            message = cause.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    static InputStream open(String file) throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(file);
        }
        return Files.newInputStream(path);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--")) {
                throw new UsageException("unexpected argument '" + key + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + key + " needs a file");
            }
            options.put(key, args[++i]);
        }
        return options;
    }

    private static void require(Map<String, String> options, Set<String> required, Set<String> optional) {
        for (String key : options.keySet()) {
            if (!required.contains(key) && !optional.contains(key)) {
                throw new UsageException("unknown option " + key);
            }
        }
        for (String key : required) {
            if (!options.containsKey(key)) {
                throw new UsageException("missing option " + key);
            }
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
