package org.modelgov.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modelgov.support.Api;
import org.modelgov.support.HttpLifecycle;
import org.modelgov.support.ModelGovNode;

/**
 * Many review timers due at the same moment, drained by one node and then by two nodes on the same database.
 *
 * <p>How the timers are made due at once, honestly: one real HIGH lifecycle is walked to production over HTTP
 * (the template). Its domain rows (model, version, recorded decisions, registry entry, model card) are copied
 * for each benchmark version, so the reassessment the timer starts finds what it reads in production. The
 * governance administrator then starts each benchmark lifecycle with a start instruction before
 * Gateway_AwaitReview (where an approved version waits) with the template's process variables, its own ids and
 * nextReviewAt = now, while the Timer_ReviewDue job definition is suspended: the timers are created suspended.
 * Activating the job definition (one call) makes all of them due at that instant, as the start of a due day does
 * in production. Measured: from activation until no timer is left (fired) and until every reassessment waits at
 * its decision task (the timer job, the call into PeriodicReassessmentProcess, the async evidence gathering on the
 * version's data, then the user task). The bare baseline is a process with the same wait states after its timer
 * (timer job, one async continuation, user task), made due the same way. Progress is polled by SQL (no load on
 * the nodes); which node fired each timer and that each fired exactly once come from ACT_HI_JOB_LOG (HOSTNAME_
 * is the node name). Results: target/bench/review-timers.md.
 * {@code -Dbench.timers.count=300 -Dbench.timers.clients=8 -Dbench.timers.nodes=1,2}.
 */
@EnabledIfSystemProperty(named = "modelgov.benchmarks", matches = "true")
class ReviewTimerBenchmark {

    private static final int COUNT = Integer.getInteger("bench.timers.count", 300);
    private static final int CLIENTS = Integer.getInteger("bench.timers.clients", 8);
    private static final int[] NODES = Arrays.stream(System.getProperty("bench.timers.nodes", "1,2").split(","))
            .mapToInt(n -> Integer.parseInt(n.strip())).toArray();
    private static final long TIMEOUT_MILLIS = Long.getLong("bench.timeoutSeconds", 900) * 1000;
    private static final String TEMPLATE = "RT-TEMPLATE";
    private static final Set<String> COPIED_TYPES = Set.of("String", "Boolean", "Integer", "Long", "Short",
            "Double", "Date", "Null");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDueTimerFiresExactlyOnceOnOneNodeAndOnTwo() throws Exception {
        try (BenchCluster cluster = BenchCluster.create("review-timers")) {
            ModelGovNode nodeA = cluster.startNodes("node-a").get(0);
            Api admin = BenchCluster.admin(nodeA);
            BareProcesses.deployTimer(admin);
            LifecycleWalker.Walk template = new LifecycleWalker(cluster, nodeA).walkToProduction(TEMPLATE);
            JsonNode variables = admin.get("/engine-rest/process-instance/" + template.processInstanceId()
                    + "/variables?deserializeValues=false").json();
            Set<String> leftOut = new TreeSet<>();
            variables.fields().forEachRemaining(v -> {
                if (!COPIED_TYPES.contains(v.getValue().path("type").asText())) {
                    leftOut.add(v.getKey() + " (" + v.getValue().path("type").asText() + ")");
                }
            });
            String lifecycleTimer = jobDefinition(cluster, "ModelLifecycleProcess", "Timer_ReviewDue");
            String bareTimer = jobDefinition(cluster, BareProcesses.TIMER_KEY, BareProcesses.TIMER_ACTIVITY);

            StringBuilder table = new StringBuilder("| process | nodes | timers | created /s | due → all fired s"
                    + " | fired /s | due → all at next wait state s | timers fired per node | failed attempts |"
                    + " CPU ms per timer: nodes + PostgreSQL + driver | RSS after |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|\n");
            List<String> profiles = new ArrayList<>();
            for (int nodes : NODES) {
                List<ModelGovNode> running = new ArrayList<>(List.of(nodeA));
                if (nodes == 2) {
                    running.addAll(cluster.startNodes("node-b"));
                }
                String lifecyclePrefix = "RT" + nodes + "-";
                copyDomainRows(cluster, lifecyclePrefix);
                Drain lifecycle = drain(cluster, running, admin, lifecycleTimer, lifecyclePrefix, "Task_DecideReassessment",
                        n -> startLifecycle(admin, variables, lifecyclePrefix + n));
                table.append(lifecycle.row("lifecycle review timer → reassessment decision", nodes,
                        cluster.residentMemory()));
                profiles.add(lifecycle.profile.replace("### ", "### Lifecycle timers, " + nodes + " node(s): "));
                String barePrefix = "BT" + nodes + "-";
                Drain bare = drain(cluster, running, admin, bareTimer, barePrefix, BareProcesses.TIMER_TASK,
                        n -> startBare(admin, barePrefix + n));
                table.append(bare.row("bare timer → async → user task", nodes, cluster.residentMemory()));
                profiles.add(bare.profile.replace("### ", "### Bare timers, " + nodes + " node(s): "));
            }
            StringBuilder report = new StringBuilder(cluster.header("Review timers due at once"))
                    .append(COUNT).append(" timers per row, created by ").append(CLIENTS).append(" clients as the"
                            + " governance administrator while the timer's job definition was suspended, then made"
                            + " due at once by activating it. The two-node rows run after the one-node rows on the"
                            + " same database, node-b started beside node-a. \"failed attempts\" are job log"
                            + " failures of the timers (e.g. optimistic locking), retried by the engine.\n\n")
                    .append(table)
                    .append("\nEvery timer fired exactly once (one successful ACT_HI_JOB_LOG execution per instance),"
                            + " every instance reached its user task, no job was left with an exception.\n")
                    .append("Template variables not copied (not plain values): ")
                    .append(leftOut.isEmpty() ? "none" : String.join(", ", leftOut)).append(".\n\n")
                    .append(String.join("", profiles));
            BenchCluster.write("review-timers.md", report.toString());
        }
    }

    /** Creates COUNT suspended timers, activates them at once, waits until all fired and reached {@code taskKey}. */
    private Drain drain(BenchCluster cluster, List<ModelGovNode> running, Api admin, String jobDefinition,
                        String prefix, String taskKey, Consumer<String> start) throws Exception {
        setSuspended(admin, jobDefinition, true);
        long createStart = System.nanoTime();
        BenchCluster.shareItems(CLIENTS, COUNT, (client, n) -> start.accept(String.format("%05d", n)));
        double createRate = COUNT / ((System.nanoTime() - createStart) / 1e9);
        String timersOfRun = " FROM act_ru_job j JOIN act_ru_execution e ON j.process_instance_id_ = e.id_"
                + " WHERE j.job_def_id_ = '" + jobDefinition + "' AND e.business_key_ LIKE '" + prefix + "%'";
        assertThat(cluster.queryLong("SELECT count(*)" + timersOfRun + " AND j.suspension_state_ = 2"))
                .as("all timers created suspended").isEqualTo(COUNT);

        try (PgWaitProfile profile = new PgWaitProfile(cluster)) {
            CpuMeter.Reading cpuBefore = CpuMeter.read(running);
            long due = System.nanoTime();
            setSuspended(admin, jobDefinition, false);
            long fired = -1;
            long reached = -1;
            long deadline = due + TIMEOUT_MILLIS * 1_000_000;
            while (System.nanoTime() < deadline && reached < 0) {
                long now = System.nanoTime();
                if (fired < 0 && cluster.queryLong("SELECT count(*)" + timersOfRun) == 0) {
                    fired = now;
                }
                if (fired >= 0 && cluster.queryLong("SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e"
                        + " ON t.proc_inst_id_ = e.id_ WHERE t.task_def_key_ = '" + taskKey + "' AND e.business_key_"
                        + " LIKE '" + prefix + "%'") == COUNT) {
                    reached = now;
                }
                BenchCluster.pause(200);
            }
            CpuMeter.Used cpu = CpuMeter.read(running).minus(cpuBefore);
            assertThat(fired).as("all timers fired within the timeout").isPositive();
            assertThat(reached).as("every instance reached " + taskKey + " within the timeout").isPositive();
            assertThat(cluster.queryLong("SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL"))
                    .as("no failed job left").isZero();
            String executions = " FROM act_hi_job_log l JOIN act_hi_procinst p ON l.process_instance_id_ = p.id_"
                    + " WHERE l.job_def_id_ = '" + jobDefinition + "' AND p.business_key_ LIKE '" + prefix + "%'";
            assertThat(cluster.queryLong("SELECT count(*)" + executions + " AND l.job_state_ = 2"))
                    .as("timers fired").isEqualTo(COUNT);
            assertThat(cluster.queryLong("SELECT count(DISTINCT l.process_instance_id_)" + executions
                    + " AND l.job_state_ = 2")).as("each timer fired exactly once").isEqualTo(COUNT);
            long failures = cluster.queryLong("SELECT count(*)" + executions + " AND l.job_state_ = 1");
            Map<String, Long> perNode = new TreeMap<>();
            try (Connection c = cluster.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT coalesce(l.hostname_, '?'), count(*)" + executions
                         + " AND l.job_state_ = 2 GROUP BY 1")) {
                while (r.next()) {
                    perNode.put(r.getString(1), r.getLong(2));
                }
            }
            return new Drain(createRate, (fired - due) / 1e9, (reached - due) / 1e9, perNode, failures, cpu,
                    profile.markdown("PostgreSQL wait events while draining"));
        }
    }

    private record Drain(double createRate, double firedSeconds, double reachedSeconds, Map<String, Long> perNode,
                         long failures, CpuMeter.Used cpu, String profile) {

        String row(String process, int nodes, String memory) {
            return String.format("| %s | %d | %d | %.1f | %.1f | %.0f | %.1f | %s | %d | %s | %s |%n", process, nodes,
                    COUNT, createRate, firedSeconds, COUNT / firedSeconds, reachedSeconds, perNode, failures,
                    cpu.perItem(COUNT), memory);
        }
    }

    private static void startLifecycle(Api admin, JsonNode template, String modelId) {
        String versionId = modelId + ":1";
        ObjectNode variables = JSON.createObjectNode();
        template.fields().forEachRemaining(v -> {
            if (COPIED_TYPES.contains(v.getValue().path("type").asText())) {
                variables.set(v.getKey(), v.getValue());
            }
        });
        variables.set("versionId", JSON.createObjectNode().put("type", "String").put("value", versionId));
        variables.set("modelId", JSON.createObjectNode().put("type", "String").put("value", modelId));
        variables.set("nextReviewAt", JSON.createObjectNode().put("type", "Date").put("value", now()));
        ObjectNode body = JSON.createObjectNode().put("businessKey", versionId);
        body.set("variables", variables);
        body.putArray("startInstructions").addObject().put("type", "startBeforeActivity")
                .put("activityId", "Gateway_AwaitReview");
        HttpLifecycle.expect(admin.post("/engine-rest/process-definition/key/ModelLifecycleProcess/start",
                body.toString()), 200);
    }

    private static void startBare(Api admin, String businessKey) {
        HttpLifecycle.expect(admin.post("/engine-rest/process-definition/key/" + BareProcesses.TIMER_KEY + "/start",
                "{\"businessKey\": \"" + businessKey + "\", \"variables\": {\"dueAt\": {\"type\": \"Date\","
                        + " \"value\": \"" + now() + "\"}}}"), 200);
    }

    private static String now() {
        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date());
    }

    private static void setSuspended(Api admin, String jobDefinition, boolean suspended) {
        HttpLifecycle.expect(admin.send("PUT", "/engine-rest/job-definition/" + jobDefinition + "/suspended",
                "{\"suspended\": " + suspended + ", \"includeJobs\": " + !suspended + "}", "application/json"), 204);
    }

    private static String jobDefinition(BenchCluster cluster, String processKey, String activityId) throws SQLException {
        try (Connection c = cluster.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT id_ FROM act_ru_jobdef WHERE proc_def_key_ = ? AND act_id_ = ?")) {
            s.setString(1, processKey);
            s.setString(2, activityId);
            try (ResultSet r = s.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (r.next()) {
                    ids.add(r.getString(1));
                }
                if (ids.size() != 1) {
                    throw new IllegalStateException(ids.size() + " job definitions for " + processKey + "/" + activityId);
                }
                return ids.get(0);
            }
        }
    }

    /**
     * The template version's rows as the product wrote them when it approved the version, once per benchmark
     * version (model ids {@code prefix00000}...), so the reassessment reads a real approved HIGH version.
     */
    private static void copyDomainRows(BenchCluster cluster, String prefix) throws SQLException {
        String model = "'" + prefix + "' || lpad(g::text, 5, '0')";
        String version = "(" + model + " || ':1')";
        try (Connection c = cluster.connect()) {
            copy(c, "model", "id", TEMPLATE, Map.of("id", model));
            copy(c, "model_version", "model_id", TEMPLATE, Map.of("id", version, "model_id", model));
            for (String table : List.of("review_decision", "registry_entry", "model_card")) {
                copy(c, table, "version_id", TEMPLATE + ":1", Map.of("id", "gen_random_uuid()::text",
                        "version_id", version));
            }
        }
    }

    private static void copy(Connection c, String table, String keyColumn, String key, Map<String, String> replaced)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'modelgov' AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }
        String select = columns.stream().map(col -> replaced.getOrDefault(col, "t." + col))
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO modelgov." + table + " (" + String.join(", ", columns)
                + ") SELECT " + select + " FROM modelgov." + table + " t, generate_series(0, " + (COUNT - 1) + ") g"
                + " WHERE t." + keyColumn + " = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }
}
