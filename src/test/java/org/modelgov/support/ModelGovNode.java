package org.modelgov.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A ModelGov node as its own operating-system process, started from this JVM's class path (the test class path
 * under Maven), so cluster tests and load drivers run real nodes side by side on one PostgreSQL and can kill one
 * with SIGKILL. Configuration goes in by environment variables and command-line properties only, as in production.
 */
public final class ModelGovNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Instant startedAt;

    private ModelGovNode(String name, int port, Process process, Path log, Instant startedAt) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.startedAt = startedAt;
    }

    /** What a node is started with. */
    public static final class Options {
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> properties = new ArrayList<>();
        private final List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Xss512k"));
        private String cpus;

        /** A node on PostgreSQL at {@code jdbcUrl}. */
        public static Options postgres(String jdbcUrl, String user, String password) {
            Options o = new Options();
            o.environment.put("SPRING_PROFILES_ACTIVE", "postgres");
            o.environment.put("MODELGOV_DB_URL", jdbcUrl);
            o.environment.put("MODELGOV_DB_USER", user);
            o.environment.put("MODELGOV_DB_PASSWORD", password);
            return o;
        }

        public Options env(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /** A Spring property, as {@code --name=value} on the command line. */
        public Options property(String nameAndValue) {
            properties.add("--" + nameAndValue);
            return this;
        }

        public Options jvm(String... options) {
            jvm.clear();
            jvm.addAll(List.of(options));
            return this;
        }

        /**
         * Runs the node on these CPUs only ({@code taskset -c}, e.g. "0"): a node per core stands in for a node per
         * machine when a benchmark compares one node with two on one small machine. The JVM sizes itself to them.
         */
        public Options cpus(String cpuList) {
            this.cpus = cpuList;
            return this;
        }

        /** The JVM options a node gets, for reports that must name them. */
        public List<String> jvmOptions() {
            return List.copyOf(jvm);
        }
    }

    /** Starts a node on a free port; logs go to {@code logDir/<name>.log}. Does not wait for it: {@link #awaitReady}. */
    public static ModelGovNode start(String name, Options options, Path logDir) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (options.cpus != null) {
            command.addAll(List.of("taskset", "-c", options.cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvm);
        command.add("-cp");
        command.add(applicationClassPath());
        command.add("org.modelgov.ModelGovApplication");
        command.add("--server.port=" + port);
        command.addAll(options.properties);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            // started in its log folder: a class path entry relative to the working directory (surefire adds one)
            // would otherwise make the project folder a class path root, and the engine would deploy
            // processes/*.bpmn beside target/classes/*.bpmn
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).directory(logDir.toAbsolutePath().toFile());
            // only what the options say: a node must not pick up the test JVM's database settings by accident
            builder.environment().keySet().removeIf(k -> k.startsWith("MODELGOV_") || k.startsWith("SPRING_"));
            builder.environment().putAll(options.environment);
            return new ModelGovNode(name, port, builder.start(), log, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start node " + name, e);
        }
    }

    /** Waits until the node answers HTTP (its login page) and returns how long the start took. */
    public Duration awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue()
                        + "); its log: " + log + "\n" + tail(60));
            }
            if (answers()) {
                return Duration.between(startedAt, Instant.now());
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; its log: " + log + "\n"
                + tail(60));
    }

    /**
     * Ready when the readiness probe says UP (200; it turns UP after the start-up runners: governance groups, demo
     * users) or, where there is no probe to ask (404, or a redirect to the login page), when the login page answers.
     */
    private boolean answers() {
        try {
            int readiness = status("/actuator/health/readiness");
            if (readiness == 200 || readiness == 503) {
                return readiness == 200;
            }
            return status("/login") == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2)).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Resident memory of the node's JVM in MiB, from /proc (Linux). */
    public long residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** SIGKILL: the node dies at once, mid-transaction, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: a graceful stop. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** The last {@code lines} lines of the node's log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * This JVM's class path without the test classes: the node sees what the jar holds, not the test suite's
     * BPMN samples (which would be deployed beside the real processes).
     */
    static String applicationClassPath() {
        return java.util.Arrays.stream(classPath().split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * This JVM's class path as plain entries. Under Maven it is surefire's manifest-only booter jar; a node started
     * with that jar would see target/classes twice (manifest entry and class loader root) and Camunda would refuse
     * to deploy every process twice.
     */
    static String classPath() {
        String classPath = System.getProperty("java.class.path");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return classPath;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classPath)) {
            java.util.jar.Manifest manifest = jar.getManifest();
            String entries = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (entries == null || entries.isBlank()) {
                return classPath;
            }
            List<String> paths = new ArrayList<>();
            URI base = Path.of(classPath).toUri();
            for (String entry : entries.strip().split("\\s+")) {
                paths.add(Path.of(base.resolve(entry)).toString());
            }
            return String.join(java.io.File.pathSeparator, paths);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the class path of " + classPath, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
