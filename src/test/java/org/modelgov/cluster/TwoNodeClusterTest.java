package org.modelgov.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelgov.support.HttpLifecycle.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.modelgov.support.Api;
import org.modelgov.support.HttpLifecycle;
import org.modelgov.support.ModelGovNode;
import org.modelgov.support.ScratchPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two ModelGov nodes, each its own JVM process with its own job executor, started at the same moment on one fresh
 * PostgreSQL database, as an operator runs a cluster: both come up (one creates the schemas and seeds, the other
 * waits for it), a task created through one node is completed through the other, 1,000 due review timers each fire
 * exactly once across the two, and after one node is killed with SIGKILL mid-load the other finishes every
 * lifecycle with no step run twice. Runs when the test run has PostgreSQL (MODELGOV_DB_URL).
 */
@EnabledIf("org.modelgov.support.ScratchPostgres#available")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

    private static final Duration START_WITHIN = Duration.ofMinutes(4);
    private static final Duration TASK_WITHIN = Duration.ofMinutes(2);
    private static final int TIMERS = 1000;
    private static final int LIFECYCLES = 8;

    private static ScratchPostgres database;
    private static JdbcClient sql;
    private static Path work;
    private static ModelGovNode a;
    private static ModelGovNode b;

    @BeforeAll
    static void twoNodesStartAtTheSameMomentOnAFreshDatabase() throws Exception {
        database = ScratchPostgres.create("modelgov_cluster");
        sql = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(),
                ScratchPostgres.user(), ScratchPostgres.password()));
        work = Files.createTempDirectory("modelgov-cluster");
        a = ModelGovNode.start("node-a", options("node-a"), work);
        b = ModelGovNode.start("node-b", options("node-b"), work);
        a.awaitReady(START_WITHIN);
        b.awaitReady(START_WITHIN);
    }

    private static ModelGovNode.Options options(String hostname) {
        Path demo = work.resolve("demo-data");
        return ModelGovNode.Options.postgres(database.jdbcUrl(), ScratchPostgres.user(), ScratchPostgres.password())
                .env("SPRING_PROFILES_ACTIVE", "postgres,local")
                .property("modelgov.demo-data-dir=" + demo)
                .property("modelgov.datasets.roots=" + demo)
                // the job log names the node that ran each job
                .property("camunda.bpm.generic-properties.properties.hostname=" + hostname)
                // a killed node's locked jobs go to the other node after 15 s instead of Camunda's 5 minutes
                .property("camunda.bpm.job-execution.lock-time-in-millis=15000")
                // two nodes, the test's own connections and whatever else the server serves stay under max_connections
                .property("spring.datasource.hikari.maximum-pool-size=10");
    }

    @AfterAll
    static void stopNodes() {
        for (ModelGovNode node : new ModelGovNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesSeedOnceAndServeTheSameUsersAndModels() {
        assertThat(List.of(a.tail(400), b.tail(400))).as("one node waited for the other's start-up")
                .anyMatch(log -> log.contains("waited") && log.contains("another node's start-up"));
        for (ModelGovNode node : List.of(a, b)) {
            assertThat(Api.anonymous(node.port()).get("/actuator/health/readiness").body()).contains("\"UP\"");
            assertThat(api(node, "admin").get("/actuator/prometheus", "text/plain").body()).contains("modelgov_tasks_open");
            JsonNode models = expect(api(node, "compliance").get("/api/models?size=50"), 200);
            assertThat(models.toString()).contains("CUST-CHURN-001", "CREDIT-SCORE-002", "RESUME-SCREEN-003");
        }
        assertThat(sql.sql("SELECT COUNT(*) FROM modelgov.model").query(Integer.class).single()).isEqualTo(3);
        assertThat(sql.sql("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'ModelLifecycleProcess'")
                .query(Integer.class).single()).as("the processes were deployed once").isEqualTo(1);
        assertThat(sql.sql("SELECT COUNT(*) FROM act_ru_filter").query(Integer.class).single())
                .as("Tasklist's filters were created once").isEqualTo(3);
    }

    @Test
    @Order(2)
    void aTaskCreatedThroughOneNodeIsCompletedThroughTheOther() {
        HttpLifecycle throughA = new HttpLifecycle(user -> api(a, user));
        HttpLifecycle throughB = new HttpLifecycle(user -> api(b, user));
        String version = throughA.register("HANDOVER-1", work.resolve("demo-data").toString());

        throughB.complete(version, "Task_AnswerRiskQuestionnaire", "owner", HttpLifecycle.MEDIUM_ANSWERS, TASK_WITHIN);

        HttpLifecycle.awaitTask(api(a, "risk"), version, "Task_ReviewRiskTier", TASK_WITHIN);
        assertThat(sql.sql("SELECT COUNT(*) FROM act_hi_taskinst WHERE task_def_key_ = 'Task_AnswerRiskQuestionnaire'"
                        + " AND proc_inst_id_ IN (SELECT id_ FROM act_hi_procinst WHERE business_key_ = ?)"
                        + " AND end_time_ IS NOT NULL").param(version).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aThousandDueReviewTimersEachFireExactlyOnceAcrossTheTwoNodes() throws Exception {
        Api adminA = api(a, "admin");
        // each lifecycle starts where an approved version waits in production: at the event-based gateway, which
        // schedules its review timer (${nextReviewAt}) beside the drift message subscription
        // what a review starts (the reassessment) waits: these lifecycles have no inventory rows behind them
        expect(adminA.send("PUT", "/engine-rest/job-definition/suspended", """
                {"processDefinitionKey": "PeriodicReassessmentProcess", "suspended": true, "includeJobs": true}""",
                "application/json"), 204);
        String due = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .format(Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < TIMERS; i++) {
                int n = i;
                Api admin = api(n % 2 == 0 ? a : b, "admin");
                starts.add(clients.submit(() -> expect(admin.post(
                        "/engine-rest/process-definition/key/ModelLifecycleProcess/start", """
                        {"businessKey": "TIMER-%1$d:1",
                         "variables": {"versionId": {"value": "TIMER-%1$d:1"}, "modelId": {"value": "TIMER-%1$d"},
                                       "owner": {"value": "owner"},
                                       "nextReviewAt": {"value": "%2$s", "type": "Date"}},
                         "startInstructions": [{"type": "startBeforeActivity", "activityId": "Gateway_AwaitReview"}]}
                        """.formatted(n, due)), 200)));
            }
            for (Future<?> start : starts) {
                start.get();
            }
        } finally {
            clients.shutdown();
        }

        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (fired() < TIMERS && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(fired()).as("review timers fired").isEqualTo(TIMERS);
        assertThat(sql.sql("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = 'timer-intermediate-transition'"
                + " AND process_instance_id_ IN (SELECT id_ FROM act_hi_procinst WHERE business_key_ LIKE 'TIMER-%')")
                .query(Integer.class).single()).as("no review timer left").isZero();
        List<Map<String, Object>> runs = sql.sql("SELECT job_id_, COUNT(*) AS runs FROM act_hi_job_log"
                + " WHERE act_id_ = 'Timer_ReviewDue' AND job_state_ = 2"
                + " GROUP BY job_id_ HAVING COUNT(*) > 1").query().listOfRows();
        assertThat(runs).as("timer jobs that ran more than once").isEmpty();
        Map<String, Integer> byNode = new HashMap<>();
        sql.sql("SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE act_id_ = 'Timer_ReviewDue'"
                        + " AND job_state_ = 2 GROUP BY hostname_")
                .query(rs -> {
                    byNode.put(rs.getString(1), rs.getInt(2));
                });
        assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum())
                .as("successful timer runs in the job log: %s", sql.sql("SELECT act_id_, job_def_type_, job_state_,"
                        + " hostname_, COUNT(*) FROM act_hi_job_log GROUP BY 1, 2, 3, 4").query().listOfRows())
                .isEqualTo(TIMERS);
        assertThat(byNode).as("both job executors fired timers").containsKeys("node-a", "node-b");
    }

    private static int fired() {
        return sql.sql("SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = 'Timer_ReviewDue' AND end_time_ IS NOT NULL")
                .query(Integer.class).single();
    }

    @Test
    @Order(4)
    void killingANodeMidLoadLosesNothingAndNoStepRunsTwice() throws Exception {
        String demo = work.resolve("demo-data").toString();
        List<String> versions = IntStream.range(0, LIFECYCLES).mapToObj(i -> "SURVIVE-" + i + ":1").toList();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            // registered and taken to validation through both nodes: validation's jobs run on both job executors
            all(clients, versions, version -> {
                int i = versions.indexOf(version);
                HttpLifecycle lifecycle = new HttpLifecycle(user -> api(i % 2 == 0 ? a : b, user));
                lifecycle.register(version.substring(0, version.indexOf(':')), demo);
                lifecycle.complete(version, "Task_AnswerRiskQuestionnaire", "owner", HttpLifecycle.MEDIUM_ANSWERS,
                        TASK_WITHIN);
                lifecycle.complete(version, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"),
                        TASK_WITHIN);
                return null;
            });
            a.kill();

            HttpLifecycle survivor = new HttpLifecycle(user -> api(b, user));
            all(clients, versions, version -> {
                survivor.complete(version, "Task_ReviewTechnicalValidation", "validator",
                        Map.of("technicalDecision", "APPROVED"), TASK_WITHIN);
                survivor.complete(version, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"),
                        TASK_WITHIN);
                survivor.complete(version, "Task_ConfirmBusinessFitness", "business",
                        Map.of("businessDecision", "APPROVED"), TASK_WITHIN);
                survivor.complete(version, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"),
                        TASK_WITHIN);
                return null;
            });
        } finally {
            clients.shutdown();
        }

        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (inProduction() < LIFECYCLES && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(inProduction()).as("lifecycles that reached production").isEqualTo(LIFECYCLES);
        List<Map<String, Object>> twice = sql.sql("SELECT p.business_key_, a.act_id_, COUNT(*) AS runs"
                + " FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_"
                + " WHERE p.business_key_ LIKE 'SURVIVE-%' AND a.end_time_ IS NOT NULL"
                // a parallel join completes once per incoming branch
                + " AND a.act_type_ <> 'parallelGateway'"
                + " GROUP BY p.business_key_, a.proc_inst_id_, a.act_id_ HAVING COUNT(*) > 1").query().listOfRows();
        assertThat(twice).as("steps completed more than once in one process instance").isEmpty();
        // every lifecycle took the same path, so each recorded the same governed actions, each as often
        Map<String, Map<String, Integer>> actions = new HashMap<>();
        sql.sql("SELECT entity_id, action, COUNT(*) FROM modelgov.audit_event WHERE entity_id LIKE 'SURVIVE-%'"
                        + " GROUP BY entity_id, action")
                .query(rs -> {
                    String entity = rs.getString(1);
                    int colon = entity.indexOf(':');
                    String model = colon < 0 ? entity : entity.substring(0, colon);
                    String on = colon < 0 ? " on the model" : entity.equals(model + ":1") ? "" : " on a part";
                    actions.computeIfAbsent(model, m -> new HashMap<>()).merge(rs.getString(2) + on, rs.getInt(3),
                            Integer::sum);
                });
        assertThat(actions).hasSize(LIFECYCLES);
        Map<String, Integer> first = actions.get("SURVIVE-0");
        assertThat(actions.values()).as("audited actions per lifecycle").allSatisfy(a -> assertThat(a).isEqualTo(first));
    }

    private static int inProduction() {
        // approved, and the lifecycle waits in production for its next review (or reported drift)
        return sql.sql("SELECT COUNT(*) FROM modelgov.model_version v WHERE v.id LIKE 'SURVIVE-%' AND v.status = 'APPROVED'"
                + " AND EXISTS (SELECT 1 FROM act_ru_execution e JOIN act_hi_procinst p ON p.id_ = e.proc_inst_id_"
                + " WHERE p.business_key_ = v.id AND e.act_id_ = 'Gateway_AwaitReview')")
                .query(Integer.class).single();
    }

    private interface Step {
        Object run(String version) throws Exception;
    }

    private static void all(ExecutorService clients, List<String> versions, Step step) throws Exception {
        List<Future<Object>> runs = new ArrayList<>();
        for (String version : versions) {
            runs.add(clients.submit(() -> step.run(version)));
        }
        for (Future<Object> run : runs) {
            run.get();
        }
    }

    private static Api api(ModelGovNode node, String user) {
        return Api.as(node.port(), user, "demo");
    }
}
