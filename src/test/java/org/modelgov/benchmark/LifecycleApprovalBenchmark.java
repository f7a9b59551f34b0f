package org.modelgov.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modelgov.support.ModelGovNode;

/**
 * Whole HIGH-tier lifecycles on the demo credit data, through every task to approval, on one node on PostgreSQL:
 * each client walks one lifecycle at a time (LifecycleWalker). Time per lifecycle, split into the driver's own
 * calls (claim + submit, which run the task listeners and everything synchronous after them) and its waiting for
 * the engine (async jobs: records, validation checks on the data, approval steps); then per activity and per job
 * from Camunda's history. Results: target/bench/lifecycle-approval.md. {@code -Dbench.approval.count=6
 * -Dbench.approval.clients=2}.
 */
@EnabledIfSystemProperty(named = "modelgov.benchmarks", matches = "true")
class LifecycleApprovalBenchmark {

    private static final int COUNT = Integer.getInteger("bench.approval.count", 6);
    private static final int CLIENTS = Integer.getInteger("bench.approval.clients", 2);

    @Test
    void everyLifecycleReachesProductionThroughEveryTask() throws Exception {
        try (BenchCluster cluster = BenchCluster.create("lifecycle-approval")) {
            ModelGovNode node = cluster.startNodes("node-a").get(0);
            LifecycleWalker walker = new LifecycleWalker(cluster, node);
            walker.walkToProduction("LA-WARMUP");

            List<LifecycleWalker.Walk> walks = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            String profileTable;
            try (PgWaitProfile profile = new PgWaitProfile(cluster)) {
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(pool.submit(() -> {
                        for (int n = next.getAndIncrement(); n < COUNT; n = next.getAndIncrement()) {
                            walks.add(walker.walkToProduction(String.format("LA-%04d", n)));
                        }
                        return null;
                    }));
                }
                for (Future<?> client : clients) {
                    client.get();
                }
                pool.shutdown();
                profileTable = profile.markdown("PostgreSQL wait events during the measured lifecycles");
            }
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(walks).as("every lifecycle reached production").hasSize(COUNT);
            assertThat(cluster.queryLong("SELECT count(*) FROM act_ru_incident")).as("no incidents").isZero();

            double[] wall = walks.stream().mapToDouble(LifecycleWalker.Walk::wallMillis).sorted().toArray();
            double[] waited = walks.stream().mapToDouble(LifecycleWalker.Walk::engineWaitMillis).sorted().toArray();
            double[] calls = walks.stream().mapToDouble(LifecycleWalker.Walk::callMillis).sorted().toArray();
            StringBuilder report = new StringBuilder(cluster.header("Full lifecycle to approval (HIGH tier)"))
                    .append(COUNT).append(" lifecycles by ").append(CLIENTS).append(" clients (one warm-up before):"
                            + " register, questionnaire, risk review, technical validation, ethics, business fitness,"
                            + " sign-off by approver1 and approver2, until the review timer is scheduled. Every task is"
                            + " claimed and submitted through /engine-rest as the demo user of its role.\n\n")
                    .append(String.format("Throughput: %.2f lifecycles/s (%.1f s for %d).%n%n", COUNT / wallSeconds,
                            wallSeconds, COUNT))
                    .append("| per lifecycle | mean ms | p50 ms | p95 ms |\n|---|---|---|---|\n")
                    .append(row("wall time, register to review timer", wall))
                    .append(row("driver's calls (register, claim, submit-form)", calls))
                    .append(row("driver waiting for the engine to produce the next task", waited))
                    .append("\n").append(activities(cluster, walks))
                    .append(jobs(cluster, walks))
                    .append("Node resident memory after the run: ").append(cluster.residentMemory()).append("\n\n")
                    .append(profileTable);
            BenchCluster.write("lifecycle-approval.md", report.toString());
        }
    }

    private static String row(String what, double[] sorted) {
        return String.format("| %s | %.0f | %.0f | %.0f |%n", what, java.util.Arrays.stream(sorted).average()
                .orElse(0), BenchCluster.quantile(sorted, 0.5), BenchCluster.quantile(sorted, 0.95));
    }

    private static String inList(List<LifecycleWalker.Walk> walks) {
        return walks.stream().map(w -> "'" + w.processInstanceId() + "'").reduce((a, b) -> a + "," + b).orElseThrow();
    }

    /** Activity durations from ACT_HI_ACTINST of the lifecycles and the processes they called. */
    private static String activities(BenchCluster cluster, List<LifecycleWalker.Walk> walks) throws Exception {
        String sql = "SELECT act_id_, act_type_, count(*), avg(duration_),"
                + " percentile_disc(0.95) WITHIN GROUP (ORDER BY duration_), sum(duration_) FROM act_hi_actinst"
                + " WHERE root_proc_inst_id_ IN (" + inList(walks) + ") AND duration_ IS NOT NULL"
                + " AND act_type_ NOT IN ('subProcess', 'callActivity', 'multiInstanceBody') GROUP BY act_id_, act_type_"
                + " ORDER BY sum(duration_) DESC";
        StringBuilder out = new StringBuilder("### Where the time goes: activities (ACT_HI_ACTINST)\n\n"
                + "User tasks are open from creation to the driver's completion (the driver's polling and calls);"
                + " service and business-rule tasks are the engine's own work; a parallel join waits for its other"
                + " branches. Containers (sub-processes, multi-instance bodies, call activities) are left out.\n\n| activity | type | count | mean ms | p95 ms | total ms |\n"
                + "|---|---|---|---|---|---|\n");
        Map<String, Long> byType = new LinkedHashMap<>();
        try (Connection c = cluster.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.append(String.format("| %s | %s | %d | %.0f | %d | %d |%n", r.getString(1), r.getString(2),
                        r.getLong(3), r.getDouble(4), r.getLong(5), r.getLong(6)));
                byType.merge(r.getString(2), r.getLong(6), Long::sum);
            }
        }
        out.append("\nTotal by type (all lifecycles): ");
        byType.forEach((type, total) -> out.append(type).append(' ').append(total).append(" ms; "));
        return out.append("\n\n").toString();
    }

    /** Job latency from ACT_HI_JOB_LOG: creation to successful execution, per job's activity. */
    private static String jobs(BenchCluster cluster, List<LifecycleWalker.Walk> walks) throws Exception {
        String sql = "SELECT act_id_, count(*), avg(ms), percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) FROM ("
                + " SELECT job_id_, max(act_id_) AS act_id_, extract(epoch FROM max(timestamp_) FILTER (WHERE"
                + " job_state_ = 2) - min(timestamp_) FILTER (WHERE job_state_ = 0)) * 1000 AS ms FROM act_hi_job_log"
                + " WHERE root_proc_inst_id_ IN (" + inList(walks) + ") GROUP BY job_id_) j WHERE ms IS NOT NULL"
                + " GROUP BY act_id_ ORDER BY avg(ms) * count(*) DESC";
        StringBuilder out = new StringBuilder("### Async jobs (ACT_HI_JOB_LOG): created → executed successfully\n\n"
                + "Queue wait plus execution; the driver waits for these between tasks.\n\n"
                + "| job's activity | jobs | mean ms | p95 ms |\n|---|---|---|---|\n");
        try (Connection c = cluster.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.append(String.format("| %s | %d | %.0f | %.0f |%n", r.getString(1), r.getLong(2), r.getDouble(3),
                        r.getDouble(4)));
            }
        }
        return out.append("\n").toString();
    }
}
