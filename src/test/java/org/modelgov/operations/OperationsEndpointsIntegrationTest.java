package org.modelgov.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.Api.Part;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health probes, who may read the actuator endpoints, and the governance metrics following the state they count
 * (other tests share the database: only differences caused here are asserted).
 */
@ModelGovIntegrationTest
class OperationsEndpointsIntegrationTest {

    static final String PROMETHEUS_TEXT = "text/plain";
    static final String QUESTIONNAIRE = "process=\"ModelLifecycleProcess\",step=\"Task_AnswerRiskQuestionnaire\"";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GovernanceMetrics metrics;
    @Autowired
    JdbcClient jdbc;

    Api anonymous;
    Api admin;
    Api owner;

    @BeforeEach
    void setUp() {
        anonymous = Api.anonymous(port);
        admin = Api.as(port, "admin", "demo");
        owner = Api.as(port, "owner", "demo");
    }

    @Test
    void probesAnswerWithoutLoginWithTheirStatusOnly() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
            Api.Response response = anonymous.get(probe);
            assertThat(response.status()).as(probe + ": " + response.body()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).as(probe).isEqualTo("UP");
            assertThat(response.json().has("components")).as(probe + " hides its components").isFalse();
            assertThat(owner.get(probe).json().has("components")).as(probe + " for a non-administrator").isFalse();
        }
    }

    @Test
    void administratorsSeeWhatReadinessAndLivenessAreMadeOf() {
        // each administrators' group on its own: Camunda's and ModelGov's
        String camundaAdmin = TestUsers.ensure(engine.getIdentityService(), "ops-camunda-admin", "camunda-admin");
        String governanceAdmin = TestUsers.ensure(engine.getIdentityService(), "ops-gov-admin", "governance-admins");
        for (Api administrator : List.of(admin, Api.as(port, camundaAdmin, TestUsers.PASSWORD),
                Api.as(port, governanceAdmin, TestUsers.PASSWORD))) {
            JsonNode readiness = administrator.get("/actuator/health/readiness").json();
            // the tests run without a job executor (camunda.bpm.job-execution.enabled=false): no jobExecutor here
            assertThat(names(readiness.path("components"))).containsExactlyInAnyOrder("readinessState", "db",
                    "processEngine");
            assertThat(readiness.path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
            JsonNode liveness = administrator.get("/actuator/health/liveness").json();
            assertThat(names(liveness.path("components"))).containsExactly("livenessState");
        }
        // local mode: no AWS to check
        assertThat(names(admin.get("/actuator/health").json().path("components"))).contains("db", "processEngine")
                .doesNotContain("aws");
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        for (String endpoint : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator")) {
            Api.Response nobody = anonymous.get(endpoint, PROMETHEUS_TEXT);
            assertThat(nobody.status()).as(endpoint).isEqualTo(401);
            assertThat(nobody.wwwAuthenticate()).startsWith("Basic");
            for (String user : List.of("owner", "compliance", "risk")) {
                Api.Response refused = Api.as(port, user, "demo").get(endpoint);
                assertThat(refused.status()).as(user + " " + endpoint).isEqualTo(403);
                assertThat(refused.json().path("detail").asText()).contains("governance-admins", "camunda-admin");
            }
        }
        assertThat(admin.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/info").json().path("java").has("version")).isTrue();
        assertThat(admin.get("/actuator/metrics/modelgov.tasks.open").status()).isEqualTo(200);
    }

    @Test
    void endpointsThatShowConfigurationOrMemoryAreNotThere() {
        for (String endpoint : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump",
                "/actuator/configprops", "/actuator/loggers", "/actuator/threaddump")) {
            assertThat(admin.get(endpoint).status()).as("admin " + endpoint).isEqualTo(404);
            assertThat(owner.get(endpoint).status()).as("owner " + endpoint).isEqualTo(403);
            assertThat(anonymous.get(endpoint).status()).as("anonymous " + endpoint).isEqualTo(401);
        }
    }

    @Test
    void prometheusHasEveryGovernanceFamily() {
        metrics.refresh();
        Api.Response scrape = admin.get("/actuator/prometheus", PROMETHEUS_TEXT);
        assertThat(scrape.status()).isEqualTo(200);
        for (String family : List.of("modelgov_tasks_open{group=\"risk-officers\"}",
                "modelgov_tasks_open{group=\"owner\"}", "modelgov_tasks_overdue{group=\"model-owners\"}",
                "modelgov_jobs_due ", "modelgov_jobs_failed ", "modelgov_engine_incidents ",
                "modelgov_incidents_open{severity=\"SEV1\"}", "modelgov_incidents_open{severity=\"UNTRIAGED\"}",
                "modelgov_incidents_report_clocks{state=\"running\"}",
                "modelgov_incidents_report_clocks{state=\"overdue\"}",
                "modelgov_notifications_unpublished{status=\"PENDING\"}",
                "modelgov_notifications_unpublished{status=\"FAILED\"}",
                "modelgov_notifications_oldest_pending_age_seconds ",
                "modelgov_report_analysis_seconds_count{kind=\"BIAS\",outcome=\"success\"}",
                "modelgov_report_analysis_seconds_bucket{kind=\"DRIFT\",outcome=\"failure\",le=\"30.0\"}",
                "modelgov_process_step_instances{process=\"ModelLifecycleProcess\",")) {
            assertThat(scrape.body()).as(family).contains("\n" + family);
        }
    }

    @Test
    void aNewVersionShowsUpAtItsStepAndInItsOwnersTasks() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        // work other tests (and the demo data) left for the job executor, which the tests run by hand: settled
        // first, so only this version moves
        driver.runJobs();
        double atQuestionnaire = scraped(QUESTIONNAIRE, "modelgov_process_step_instances");
        double ownersTasks = scraped("group=\"owner\"", "modelgov_tasks_open");
        double ownersOverdue = scraped("group=\"owner\"", "modelgov_tasks_overdue");
        double modelOwnersTasks = scraped("group=\"model-owners\"", "modelgov_tasks_open");

        String modelId = register("Metrics probe");
        assertThat(owner.post("/api/models/" + modelId + "/versions", "{\"label\": \"1.0.0\"}").status())
                .isEqualTo(201);
        driver.runJobs();

        assertThat(scraped(QUESTIONNAIRE, "modelgov_process_step_instances")).isEqualTo(atQuestionnaire + 1);
        assertThat(scraped("group=\"owner\"", "modelgov_tasks_open")).isEqualTo(ownersTasks + 1);
        assertThat(scraped("group=\"model-owners\"", "modelgov_tasks_open")).as("not the group's task")
                .isEqualTo(modelOwnersTasks);

        Task questionnaire = driver.task(modelId + ":1", "Task_AnswerRiskQuestionnaire");
        engine.getTaskService().setDueDate(questionnaire.getId(), Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        assertThat(scraped("group=\"owner\"", "modelgov_tasks_overdue")).isEqualTo(ownersOverdue + 1);
    }

    @Test
    void incidentsNotificationsAndAnalysesAreCounted() {
        double untriaged = scraped("severity=\"UNTRIAGED\"", "modelgov_incidents_open");
        double overdueClocks = scraped("state=\"overdue\"", "modelgov_incidents_report_clocks");
        double pending = scraped("status=\"PENDING\"", "modelgov_notifications_unpublished");
        String drift = "kind=\"DRIFT\",outcome=\"success\"";
        double driftAnalyses = scraped(drift, "modelgov_report_analysis_seconds_count");

        String modelId = register("Incident probe");
        Api.Response reported = owner.post("/api/incidents", "{\"modelId\": \"" + modelId + "\","
                + " \"type\": \"HARMFUL_OUTPUT\", \"description\": \"Denials doubled overnight\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String incidentId = reported.json().path("id").asText();
        assertThat(scraped("severity=\"UNTRIAGED\"", "modelgov_incidents_open")).isEqualTo(untriaged + 1);

        // the regulatory clock as triage would set it, already run out
        jdbc.sql("UPDATE modelgov.incident SET report_due_at = ? WHERE id = ?")
                .params(Instant.now().minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC), incidentId).update();
        assertThat(scraped("state=\"overdue\"", "modelgov_incidents_report_clocks")).isEqualTo(overdueClocks + 1);

        // a notification whose publication failed once and waits for its retry (the relay leaves it until then)
        String notificationId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO modelgov.notification_outbox (id, deduplication_key, event_type, subject, body,"
                        + " created_at, publish_status, attempts, next_attempt_at) VALUES (?, ?, 'TEST', 'Waiting',"
                        + " 'Waiting for a retry', ?, 'PENDING', 1, ?)")
                .params(notificationId, "ops-" + notificationId,
                        Instant.now().minus(10, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                        Instant.now().plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .update();
        try {
            assertThat(scraped("status=\"PENDING\"", "modelgov_notifications_unpublished")).isEqualTo(pending + 1);
            assertThat(scraped("", "modelgov_notifications_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(600);
        } finally {
            jdbc.sql("DELETE FROM modelgov.notification_outbox WHERE id = ?").param(notificationId).update();
        }

        Api.Response report = Api.as(port, "validator", "demo").multipart("/api/reports/drift",
                Part.file("reference", "reference.csv", "x,colour\n1,red\n2,red\n3,blue\n4,blue\n5,red\n"),
                Part.file("current", "current.csv", "x,colour\n11,red\n12,red\n13,red\n14,green\n"));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        assertThat(scraped(drift, "modelgov_report_analysis_seconds_count")).isEqualTo(driftAnalyses + 1);
    }

    /**
     * The snapshot counts every task even when taken on a thread where an engine user is set: a user who may
     * not see the risk officers' tasks does not make them disappear from the metrics.
     */
    @Test
    void theSnapshotIsTakenWithoutTheCallersEngineAuthorizations() {
        // a version whose risk review waits for the risk officers
        String modelId = register("Authorization probe");
        assertThat(owner.post("/api/models/" + modelId + "/versions", "{\"label\": \"1.0.0\"}").status())
                .isEqualTo(201);
        LifecycleDriver driver = new LifecycleDriver(engine);
        driver.runJobs();
        driver.complete(modelId + ":1", "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_DECIDES",
                "personalData", "PERSONAL", "scale", "SMALL"));
        assertThat(driver.hasTask(modelId + ":1", "Task_ReviewRiskTier")).isTrue();

        var identity = engine.getIdentityService();
        long riskOfficersTasks = engine.getTaskService().createTaskQuery().taskCandidateGroup("risk-officers")
                .includeAssignedTasks().count();
        identity.setAuthentication("owner", List.of("model-owners"));
        try {
            long seenByOwner = engine.getTaskService().createTaskQuery().taskCandidateGroup("risk-officers")
                    .includeAssignedTasks().count();
            GovernanceSnapshot snapshot = metrics.refresh();
            assertThat(GovernanceSnapshot.count(snapshot.openTasksByGroup(), "risk-officers"))
                    .isEqualTo(riskOfficersTasks);
            assertThat(seenByOwner).as("the engine does restrict the owner's own queries")
                    .isLessThan(riskOfficersTasks);
            assertThat(identity.getCurrentAuthentication().getUserId()).as("the caller's login is restored")
                    .isEqualTo("owner");
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The value of one series after a fresh snapshot; 0 when the series does not exist yet. */
    private double scraped(String labels, String name) {
        metrics.refresh();
        String series = labels.isEmpty() ? name + " " : name + "{" + labels + "} ";
        String body = admin.get("/actuator/prometheus", PROMETHEUS_TEXT).body();
        return body.lines().filter(line -> line.startsWith(series)).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length()).trim().split(" ")[0]))
                .orElse(0.0);
    }

    private String register(String name) {
        String id = "OPS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Api.Response created = owner.post("/api/models", "{\"id\": \"" + id + "\", \"name\": \"" + name + "\","
                + " \"purpose\": \"Counted by the governance metrics\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
