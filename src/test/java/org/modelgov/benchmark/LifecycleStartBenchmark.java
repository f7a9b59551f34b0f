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
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modelgov.support.Api;
import org.modelgov.support.HttpLifecycle;
import org.modelgov.support.ModelGovNode;

/**
 * Lifecycle start throughput on PostgreSQL: clients register model versions through the API (POST
 * /api/models/{id}/versions, as the demo owner) back to back; a lifecycle counts as started when its risk
 * questionnaire task exists. The models are registered before the clock starts (the measure is version
 * registration → questionnaire); a second row on one node times model and version registration together. Against a
 * bare process with the same wait states (one async continuation, then a user task) started by the administrator
 * through the engine REST API, on the same nodes in the same run. With {@code -Dbench.start.nodes=1,2} the rows run
 * on one node, then again with a second node started beside it, client k sending to node k mod 2.
 * Latency of an item = the task's creation time in history minus the moment the client sent its first request;
 * the run ends when the last task exists. Results: target/bench/lifecycle-start.md.
 * Each node first runs {@code bench.start.warmup} (200) of each, unmeasured.
 * {@code -Dbench.start.count=100 -Dbench.start.clients=1,8 -Dbench.start.nodes=1,2 -Dbench.start.warmup=200}.
 */
@EnabledIfSystemProperty(named = "modelgov.benchmarks", matches = "true")
class LifecycleStartBenchmark {

    private static final int COUNT = Integer.getInteger("bench.start.count", 100);
    private static final int WARMUP = Math.max(1, Integer.getInteger("bench.start.warmup", 200));
    private static final int[] CLIENTS = ints("bench.start.clients", "1,8");
    private static final int[] NODES = ints("bench.start.nodes", "1,2");
    private static final long TIMEOUT_MILLIS = Long.getLong("bench.timeoutSeconds", 600) * 1000;

    @Test
    void lifecyclesReachTheirQuestionnaireAndAreComparedWithABareProcess() throws Exception {
        try (BenchCluster cluster = BenchCluster.create("lifecycle-start")) {
            List<ModelGovNode> nodes = new ArrayList<>(cluster.startNodes("node-a"));
            Api admin = BenchCluster.admin(nodes.get(0));
            BareProcesses.deployStart(admin);
            warmUp(cluster, nodes.get(0));

            StringBuilder report = new StringBuilder(cluster.header("Lifecycle start throughput"))
                    .append("Each client sends its next item as soon as the previous one's HTTP calls returned;"
                            + " an item is done when its user task exists (creation time from ACT_HI_TASKINST)."
                            + " Rate = items / (last task created − first request sent). ")
                    .append(COUNT).append(" items per row. \"version\": the model exists, the item is POST"
                            + " /api/models/{id}/versions; \"model + version\": the item registers both. Every node first ran ")
                    .append(WARMUP).append(" lifecycles and as many bare processes, unmeasured (JIT warm-up).\n\n")
                    .append("CPU per item: CPU milliseconds the nodes, PostgreSQL and the benchmark driver spent per"
                            + " item during the row (from /proc), what each further lifecycle costs whatever the"
                            + " number of nodes.\n\n")
                    .append("| process | nodes | clients | items | wall s | rate /s | p50 ms | p95 ms | max ms |"
                            + " CPU ms per item: nodes + PostgreSQL + driver |\n"
                            + "|---|---|---|---|---|---|---|---|---|---|\n");
            List<String> ratios = new ArrayList<>();
            try (PgWaitProfile profile = new PgWaitProfile(cluster)) {
                for (int nodeCount : NODES) {
                    while (nodes.size() < nodeCount) {
                        ModelGovNode added = cluster.startNodes("node-" + (char) ('a' + nodes.size())).get(0);
                        nodes.add(added);
                        warmUp(cluster, added);
                    }
                    List<ModelGovNode> serving = nodes.subList(0, nodeCount);
                    // client k talks to node k mod nodes, with one HTTP client per node and user
                    List<Api> owners = serving.stream().map(node -> BenchCluster.as(node, "owner")).toList();
                    List<Api> admins = serving.stream().map(BenchCluster::admin).toList();
                    List<LifecycleWalker> walkers = serving.stream().map(node -> new LifecycleWalker(cluster, node))
                            .toList();
                    for (int clients : CLIENTS) {
                        String row = "N" + nodeCount + "C" + clients + "-";
                        for (int n = 0; n < COUNT; n++) {
                            String modelId = "LV-" + row + String.format("%05d", n);
                            LifecycleWalker.registerModel(owners.get(n % nodeCount), modelId);
                        }
                        Result version = run(cluster, serving, "LV-" + row, LifecycleWalker.QUESTIONNAIRE, clients,
                                (client, modelId) -> {
                                    int node = client % nodeCount;
                                    walkers.get(node).registerVersion(owners.get(node), modelId);
                                    return modelId + ":1";
                                });
                        Result bare = run(cluster, serving, "BS-" + row, BareProcesses.START_TASK, clients, (client, key) -> {
                            HttpLifecycle.expect(admins.get(client % nodeCount).post(
                                    "/engine-rest/process-definition/key/" + BareProcesses.START_KEY + "/start",
                                    "{\"businessKey\": \"" + key + "\"}"), 200);
                            return key;
                        });
                        report.append(version.row("lifecycle (version)", nodeCount, clients));
                        String both = "";
                        if (nodeCount == 1) {
                            Result withModel = run(cluster, serving, "LM-" + row, LifecycleWalker.QUESTIONNAIRE, clients,
                                    (client, modelId) -> {
                                        int node = client % nodeCount;
                                        walkers.get(node).register(owners.get(node), modelId);
                                        return modelId + ":1";
                                    });
                            report.append(withModel.row("lifecycle (model + version)", nodeCount, clients));
                            both = String.format("; model + version/bare = %.2f", withModel.rate() / bare.rate());
                        }
                        report.append(bare.row("bare process (engine REST start)", nodeCount, clients));
                        ratios.add(String.format("- %d node(s), %d client(s): version/bare = %.2f%s; %.1f"
                                + " lifecycles/s", nodeCount, clients, version.rate() / bare.rate(), both,
                                version.rate()));
                    }
                }
                report.append("\nRatio of rates (goal ≥ 0.5 at 8 clients; two nodes against one):\n\n")
                        .append(String.join("\n", ratios))
                        .append("\n\nNode resident memory after the run: ").append(cluster.residentMemory())
                        .append("\n\n").append(profile.markdown("PostgreSQL wait events during the measured runs"));
            }
            BenchCluster.write("lifecycle-start.md", report.toString());
        }
    }

    /**
     * Warms a node up with {@code bench.start.warmup} lifecycles and as many bare processes (4 clients): the JIT
     * compiles the hot paths before the clock runs, or the first rows and a newly started node pay for it.
     */
    private static void warmUp(BenchCluster cluster, ModelGovNode node) throws Exception {
        String prefix = "LS-WARMUP-" + node.name().toUpperCase(java.util.Locale.ROOT) + "-";
        Api owner = BenchCluster.as(node, "owner");
        Api admin = BenchCluster.admin(node);
        LifecycleWalker walker = new LifecycleWalker(cluster, node);
        BenchCluster.shareItems(4, WARMUP, (client, n) -> {
            walker.register(owner, prefix + n);
            HttpLifecycle.expect(admin.post("/engine-rest/process-definition/key/" + BareProcesses.START_KEY
                    + "/start", "{\"businessKey\": \"BS-" + prefix + n + "\"}"), 200);
        });
        awaitTasks(cluster, prefix + "%", LifecycleWalker.QUESTIONNAIRE, WARMUP);
        awaitTasks(cluster, "BS-" + prefix + "%", BareProcesses.START_TASK, WARMUP);
    }

    private static int[] ints(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).mapToInt(c -> Integer.parseInt(
                c.strip())).toArray();
    }

    /**
     * One row: {@code COUNT} items by {@code clients} clients; {@code start} gets the client's number and the item's
     * key and answers the business key it started.
     */
    private Result run(BenchCluster cluster, List<ModelGovNode> serving, String prefix, String taskKey, int clients,
                       BiFunction<Integer, String, String> start) throws Exception {
        CpuMeter.Reading cpuBefore = CpuMeter.read(serving);
        Map<String, Instant> sent = new HashMap<>();
        Instant first = Instant.now();
        BenchCluster.shareItems(clients, COUNT, (client, n) -> {
            String key = prefix + String.format("%05d", n);
            Instant at = Instant.now();
            String businessKey = start.apply(client, key);
            synchronized (sent) {
                sent.put(businessKey, at);
            }
        });
        awaitTasks(cluster, prefix + "%", taskKey, COUNT);
        Map<String, Instant> created = taskCreation(cluster, prefix + "%", taskKey);
        assertThat(created.keySet()).as("every item reached its task").containsExactlyInAnyOrderElementsOf(sent.keySet());
        double[] latencies = sent.entrySet().stream()
                .mapToDouble(e -> created.get(e.getKey()).toEpochMilli() - e.getValue().toEpochMilli()).sorted().toArray();
        Instant last = created.values().stream().max(Instant::compareTo).orElseThrow();
        CpuMeter.Used cpu = CpuMeter.read(serving).minus(cpuBefore);
        return new Result(COUNT, (last.toEpochMilli() - first.toEpochMilli()) / 1000.0, latencies, cpu);
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

    private record Result(int items, double wallSeconds, double[] sortedLatencies, CpuMeter.Used cpu) {

        double rate() {
            return items / wallSeconds;
        }

        String row(String process, int nodes, int clients) {
            return String.format("| %s | %d | %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f | %s |%n", process, nodes,
                    clients, items,
                    wallSeconds, rate(), BenchCluster.quantile(sortedLatencies, 0.5),
                    BenchCluster.quantile(sortedLatencies, 0.95),
                    sortedLatencies[sortedLatencies.length - 1], cpu.perItem(items));
        }
    }
}
