package org.modelgov.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modelgov.support.Api;
import org.modelgov.support.HttpLifecycle;
import org.modelgov.support.ModelGovNode;

/**
 * Lifecycle start throughput on one node on PostgreSQL: clients register model versions through the API (POST
 * /api/models, POST /api/models/{id}/versions, as the demo owner) back to back; a lifecycle counts as started when
 * its risk questionnaire task exists. Against a bare process with the same wait states (one async continuation,
 * then a user task) started by the administrator through the engine REST API, on the same node in the same run.
 * Latency of an item = the task's creation time in history minus the moment the client sent its first request;
 * the run ends when the last task exists. Results: target/bench/lifecycle-start.md.
 * {@code -Dbench.start.count=100 -Dbench.start.clients=1,8}.
 */
@EnabledIfSystemProperty(named = "modelgov.benchmarks", matches = "true")
class LifecycleStartBenchmark {

    private static final int COUNT = Integer.getInteger("bench.start.count", 100);
    private static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.start.clients", "1,8").split(","))
            .mapToInt(c -> Integer.parseInt(c.strip())).toArray();
    private static final long TIMEOUT_MILLIS = Long.getLong("bench.timeoutSeconds", 600) * 1000;

    @Test
    void lifecyclesReachTheirQuestionnaireAndAreComparedWithABareProcess() throws Exception {
        try (BenchCluster cluster = BenchCluster.create("lifecycle-start")) {
            ModelGovNode node = cluster.startNodes("node-a").get(0);
            Api admin = BenchCluster.admin(node);
            BareProcesses.deployStart(admin);
            LifecycleWalker walker = new LifecycleWalker(cluster, node);
            // one of each first: class loading and caches are not what this measures
            walker.register(BenchCluster.as(node, "owner"), "LS-WARMUP");
            HttpLifecycle.expect(admin.post("/engine-rest/process-definition/key/" + BareProcesses.START_KEY
                    + "/start", "{\"businessKey\": \"BS-WARMUP\"}"), 200);
            awaitTasks(cluster, "LS-WARMUP%", LifecycleWalker.QUESTIONNAIRE, 1);

            StringBuilder report = new StringBuilder(cluster.header("Lifecycle start throughput"))
                    .append("Each client sends its next item as soon as the previous one's HTTP calls returned;"
                            + " an item is done when its user task exists (creation time from ACT_HI_TASKINST)."
                            + " Rate = items / (last task created − first request sent). ")
                    .append(COUNT).append(" items per row.\n\n")
                    .append("| process | clients | items | wall s | rate /s | p50 ms | p95 ms | max ms |\n"
                            + "|---|---|---|---|---|---|---|---|\n");
            List<String> ratios = new ArrayList<>();
            try (PgWaitProfile profile = new PgWaitProfile(cluster)) {
                for (int clients : CLIENTS) {
                    Api owner = BenchCluster.as(node, "owner");
                    Result lifecycle = run(cluster, "LS-C" + clients + "-", LifecycleWalker.QUESTIONNAIRE, clients,
                            modelId -> {
                                walker.register(owner, modelId);
                                return modelId + ":1";
                            });
                    Result bare = run(cluster, "BS-C" + clients + "-", BareProcesses.START_TASK, clients, key -> {
                        HttpLifecycle.expect(admin.post("/engine-rest/process-definition/key/"
                                + BareProcesses.START_KEY + "/start", "{\"businessKey\": \"" + key + "\"}"), 200);
                        return key;
                    });
                    report.append(lifecycle.row("lifecycle (register model + version)", clients))
                            .append(bare.row("bare process (engine REST start)", clients));
                    ratios.add(String.format("- %d client(s): lifecycle/bare = %.2f", clients,
                            lifecycle.rate() / bare.rate()));
                }
                report.append("\nRatio of rates (goal ≥ 0.5 at 8 clients):\n\n").append(String.join("\n", ratios))
                        .append("\n\nNode resident memory after the run: ").append(cluster.residentMemory())
                        .append("\n\n").append(profile.markdown("PostgreSQL wait events during the measured runs"));
            }
            BenchCluster.write("lifecycle-start.md", report.toString());
        }
    }

    /** One row: {@code COUNT} items by {@code clients} clients; {@code start} answers the business key it started. */
    private Result run(BenchCluster cluster, String prefix, String taskKey, int clients,
                       Function<String, String> start) throws Exception {
        Map<String, Instant> sent = new HashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant first = Instant.now();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < COUNT; n = next.getAndIncrement()) {
                    String key = prefix + String.format("%05d", n);
                    Instant at = Instant.now();
                    String businessKey = start.apply(key);
                    synchronized (sent) {
                        sent.put(businessKey, at);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        awaitTasks(cluster, prefix + "%", taskKey, COUNT);
        Map<String, Instant> created = taskCreation(cluster, prefix + "%", taskKey);
        assertThat(created.keySet()).as("every item reached its task").containsExactlyInAnyOrderElementsOf(sent.keySet());
        double[] latencies = sent.entrySet().stream()
                .mapToDouble(e -> created.get(e.getKey()).toEpochMilli() - e.getValue().toEpochMilli()).sorted().toArray();
        Instant last = created.values().stream().max(Instant::compareTo).orElseThrow();
        return new Result(COUNT, (last.toEpochMilli() - first.toEpochMilli()) / 1000.0, latencies);
    }

    private static void awaitTasks(BenchCluster cluster, String keyPattern, String taskKey, int expected) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        long open = 0;
        while (System.currentTimeMillis() < deadline) {
            open = cluster.queryLong("SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e"
                    + " ON t.proc_inst_id_ = e.id_ WHERE t.task_def_key_ = '" + taskKey + "' AND e.business_key_ LIKE '"
                    + keyPattern + "'");
            if (open >= expected) {
                return;
            }
            BenchCluster.pause(100);
        }
        throw new AssertionError(open + " of " + expected + " " + taskKey + " tasks exist after "
                + TIMEOUT_MILLIS / 1000 + " s; failed jobs: "
                + cluster.queryLong("SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL"));
    }

    private static Map<String, Instant> taskCreation(BenchCluster cluster, String keyPattern, String taskKey)
            throws SQLException {
        Map<String, Instant> created = new HashMap<>();
        try (Connection c = cluster.connect(); PreparedStatement s = c.prepareStatement("SELECT p.business_key_,"
                + " t.start_time_ FROM act_hi_taskinst t JOIN act_hi_procinst p ON t.proc_inst_id_ = p.id_"
                + " WHERE t.task_def_key_ = ? AND p.business_key_ LIKE ?")) {
            s.setString(1, taskKey);
            s.setString(2, keyPattern);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    created.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return created;
    }

    private record Result(int items, double wallSeconds, double[] sortedLatencies) {

        double rate() {
            return items / wallSeconds;
        }

        String row(String process, int clients) {
            return String.format("| %s | %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f |%n", process, clients, items,
                    wallSeconds, rate(), BenchCluster.quantile(sortedLatencies, 0.5),
                    BenchCluster.quantile(sortedLatencies, 0.95),
                    sortedLatencies[sortedLatencies.length - 1]);
        }
    }
}
