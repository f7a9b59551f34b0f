package org.modelgov.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovNode;
import org.modelgov.support.ScratchPostgres;

/**
 * One benchmark run's fresh PostgreSQL database and the ModelGov nodes on it, each its own OS process with the
 * demo users and data (profiles postgres,local), demo datasets and dataset roots in a temporary folder of the run.
 * Extra node properties come from {@code -Dbench.nodeProperties=name=value;name=value} (job executor trials).
 * {@code -Dbench.pinNodes=true} runs the k-th node on CPU k mod cores only (taskset), so that one node against two
 * compares one core's worth of node with two, as separate machines would; the driver and PostgreSQL are not pinned.
 */
final class BenchCluster implements AutoCloseable {

    static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    static final int DEFAULT_POOL_SIZE = 12;

    private final String name;
    private final ScratchPostgres database;
    private final Path dir;
    private final List<ModelGovNode> nodes = new ArrayList<>();
    private final List<String> jvmOptions = ModelGovNode.Options.postgres("", "", "").jvmOptions();
    static final boolean PIN_NODES = Boolean.getBoolean("bench.pinNodes");

    private BenchCluster(String name, ScratchPostgres database, Path dir) {
        this.name = name;
        this.database = database;
        this.dir = dir;
    }

    static BenchCluster create(String name) {
        if (!ScratchPostgres.available()) {
            throw new IllegalStateException("cluster benchmarks need PostgreSQL: set MODELGOV_DB_URL (jdbc:postgresql:...),"
                    + " MODELGOV_DB_USER and MODELGOV_DB_PASSWORD (a role with CREATEDB)");
        }
        try {
            Path dir = Files.createTempDirectory("modelgov-bench-" + name);
            Files.createDirectories(dir.resolve("datasets"));
            return new BenchCluster(name, ScratchPostgres.create("bench_" + name.replace('-', '_')), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts nodes side by side (named as their job executor's host name) and waits until each answers. */
    List<ModelGovNode> startNodes(String... names) {
        List<ModelGovNode> started = new ArrayList<>();
        for (String node : names) {
            ModelGovNode.Options options = ModelGovNode.Options.postgres(database.jdbcUrl(), ScratchPostgres.user(),
                            ScratchPostgres.password())
                    .env("SPRING_PROFILES_ACTIVE", "postgres,local")
                    .property("modelgov.demo-data-dir=" + dir.resolve("demo"))
                    .property("modelgov.datasets.roots=" + dir.resolve("datasets") + "," + dir.resolve("demo"))
                    // ACT_HI_JOB_LOG.HOSTNAME_ then says which node executed each job
                    .property("camunda.bpm.generic-properties.properties.hostname=" + node);
            for (String property : withPool(nodeProperties())) {
                options.property(property);
            }
            if (PIN_NODES) {
                options.cpus(String.valueOf(nodes.size() % Runtime.getRuntime().availableProcessors()));
            }
            ModelGovNode process = ModelGovNode.start(node, options, Path.of("target/bench/logs", name));
            // stopped by close() even when it never becomes ready
            nodes.add(process);
            started.add(process);
        }
        Duration timeout = Duration.ofSeconds(Long.getLong("bench.startTimeoutSeconds", 300));
        for (ModelGovNode node : started) {
            node.awaitReady(timeout);
            awaitDemoData(node, timeout);
        }
        return started;
    }

    private static List<String> withPool(List<String> properties) {
        List<String> all = new ArrayList<>();
        if (properties.stream().noneMatch(p -> p.startsWith(POOL_SIZE + "="))) {
            // the benchmark shares its PostgreSQL server (max_connections 100 by default) with other runs
            all.add(POOL_SIZE + "=" + DEFAULT_POOL_SIZE);
        }
        all.addAll(properties);
        return all;
    }

    /**
     * The HTTP port answers before the start-up runners have created the governance groups, the demo users and the
     * demo models (the last one is RESUME-SCREEN-003); a benchmark acting as those users waits for them.
     */
    private static void awaitDemoData(ModelGovNode node, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (as(node, "owner").get("/api/models/RESUME-SCREEN-003").status() != 200) {
            if (Instant.now().isAfter(deadline) || !node.isAlive()) {
                throw new IllegalStateException(node.name() + " has no demo data after " + timeout + "; its log: "
                        + node.log() + "\n" + node.tail(40));
            }
            pause(200);
        }
    }

    static List<String> nodeProperties() {
        String value = System.getProperty("bench.nodeProperties", "").strip();
        return value.isEmpty() ? List.of() : List.of(value.split(";"));
    }

    static Api admin(ModelGovNode node) {
        return Api.as(node.port(), "admin", "demo");
    }

    static Api as(ModelGovNode node, String user) {
        return Api.as(node.port(), user, "demo");
    }

    /** Copies a shipped demo dataset into the run's dataset root and answers its file: URI. */
    String dataset(String demoFile) {
        Path target = dir.resolve("datasets").resolve(demoFile);
        try (InputStream in = BenchCluster.class.getResourceAsStream("/demo/credit/" + demoFile)) {
            if (!Files.exists(target)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connect() {
        try {
            return DriverManager.getConnection(database.jdbcUrl(), ScratchPostgres.user(), ScratchPostgres.password());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String jdbcUrl() {
        return database.jdbcUrl();
    }

    long queryLong(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** What every table says about where and on what it was measured. */
    String header(String title) {
        String server;
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            server = "PostgreSQL " + r.getString(1);
        } catch (SQLException e) {
            server = "PostgreSQL (version unknown: " + e.getMessage() + ")";
        }
        List<String> properties = nodeProperties();
        return "# " + title + "\n\n"
                + "- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "- cores: " + Runtime.getRuntime().availableProcessors() + " (driver, nodes and database share them);"
                + " load average (1, 5, 15 min) when written: " + loadAverage() + "\n"
                + "- commit: " + commit() + "\n"
                + "- database: " + server + " on localhost, fresh database per run\n"
                + "- node JVM options: `" + String.join(" ", jvmOptions) + "`; profiles postgres,local (demo data)\n"
                + "- node CPUs: " + (PIN_NODES ? "each node pinned to one core (node-a CPU 0, node-b CPU 1; taskset);"
                        + " driver and PostgreSQL unpinned" : "not pinned (every process may use every core)") + "\n"
                + "- node properties beyond application.yaml: `" + String.join("; ", withPool(properties)) + "`\n\n";
    }

    /** Other work on the machine skews every number here: the table says how busy it was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Resident memory of every node now, e.g. "node-a 612 MiB, node-b 598 MiB". */
    String residentMemory() {
        List<String> parts = new ArrayList<>();
        for (ModelGovNode node : nodes) {
            parts.add(node.name() + " " + node.residentMiB() + " MiB");
        }
        return String.join(", ", parts);
    }

    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String hash = new String(git.getInputStream().readAllBytes()).strip();
            git.waitFor(10, TimeUnit.SECONDS);
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
            status.waitFor(10, TimeUnit.SECONDS);
            return hash + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static void write(String fileName, String markdown) {
        try {
            // pinned runs answer another question (scale-out per core): they keep their own file
            Path out = Path.of("target/bench", PIN_NODES ? fileName.replace(".md", "-pinned.md") : fileName);
            Files.createDirectories(out.getParent());
            Files.writeString(out, markdown);
            System.out.println(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What one client does with one item: its own number and the item's. */
    @FunctionalInterface
    interface ItemAction {
        void run(int client, int item) throws Exception;
    }

    /**
     * Items 0..items-1 shared by {@code clients} threads, each taking the next item as soon as it is done with one;
     * returns when all are done and rethrows the first failure.
     */
    static void shareItems(int clients, int items, ItemAction action) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < items; n = next.getAndIncrement()) {
                        action.run(client, n);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** p-quantile (0..1) of already sorted values. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    @Override
    public void close() {
        for (ModelGovNode node : nodes) {
            node.close();
        }
        if (!Boolean.getBoolean("bench.keepDatabase")) {
            database.close();
        }
    }
}
