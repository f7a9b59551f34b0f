package org.modelgov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.RiskTier;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's numbers come from ModelGov's tables and the engine: each test makes its own models, tasks and
 * incidents and checks that they are counted and listed (other tests share the database, so only differences
 * and its own rows are asserted).
 */
@ModelGovIntegrationTest
class PortfolioDashboardIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    PortfolioDashboard dashboard;
    @Autowired
    ProcessEngine engine;
    @Autowired
    InventoryService inventory;
    @Autowired
    JdbcClient jdbc;

    LifecycleDriver driver;
    Api owner;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
    }

    @Test
    void everyTierAndStatusCellCountsItsModels() {
        TierStatusMatrix before = dashboard.overview().matrix();
        List<String> created = new ArrayList<>();
        try {
            for (RiskTier tier : RiskTier.values()) {
                for (ModelStatus status : ModelStatus.values()) {
                    String id = register("CELL");
                    created.add(id);
                    // the lifecycle is the only writer of tier and status; the test puts each model in its cell directly
                    jdbc.sql("UPDATE modelgov.model SET risk_tier = ?, status = ? WHERE id = ?")
                            .params(tier.name(), status.name(), id).update();
                }
            }
            TierStatusMatrix after = dashboard.overview().matrix();
            for (RiskTier tier : RiskTier.values()) {
                for (ModelStatus status : ModelStatus.values()) {
                    assertThat(after.count(tier, status)).as(tier + " x " + status)
                            .isEqualTo(before.count(tier, status) + 1);
                }
                assertThat(after.tierTotal(tier)).isEqualTo(before.tierTotal(tier) + ModelStatus.values().length);
            }
            assertThat(after.statusTotal(ModelStatus.SUSPENDED))
                    .isEqualTo(before.statusTotal(ModelStatus.SUSPENDED) + RiskTier.values().length);
            assertThat(after.total()).isEqualTo(before.total() + created.size());
        } finally {
            // these models have no version, lifecycle or incident: nothing else refers to them
            created.forEach(id -> jdbc.sql("DELETE FROM modelgov.model WHERE id = ?").param(id).update());
        }
    }

    @Test
    void anOverdueTaskIsListedWithWhoHoldsItAndSinceWhen() {
        String modelId = register("LATE");
        assertThat(owner.post("/api/models/" + modelId + "/versions", "{\"label\": \"1.0.0\"}").status())
                .isEqualTo(201);
        driver.runJobs();
        String versionId = modelId + ":1";
        Task questionnaire = driver.task(versionId, "Task_AnswerRiskQuestionnaire");
        assertThat(dashboard.tasks(false).tasks()).as("open, not yet overdue")
                .anySatisfy(t -> assertThat(t.id()).isEqualTo(questionnaire.getId()));
        assertThat(dashboard.tasks(true).tasks()).noneSatisfy(t -> assertThat(t.id()).isEqualTo(questionnaire.getId()));

        long overdueBefore = dashboard.overview().overdueTasks();
        Instant due = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        engine.getTaskService().setDueDate(questionnaire.getId(), Date.from(due));

        PortfolioDashboard.Overview overview = dashboard.overview();
        assertThat(overview.overdueTasks()).isEqualTo(overdueBefore + 1);
        GovernanceTask late = find(dashboard.tasks(true).tasks(), questionnaire.getId());
        assertThat(late.name()).isEqualTo("Answer risk questionnaire");
        assertThat(late.modelId()).isEqualTo(modelId);
        assertThat(late.subject()).isEqualTo(versionId);
        assertThat(late.holder()).isEqualTo("owner");
        assertThat(late.overdue()).isTrue();
        assertThat(late.dueAt()).isEqualTo(due);
        assertThat(late.overdueBy()).startsWith("3 d");
        assertThat(late.tasklistLink()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + questionnaire.getId());

        // unclaimed: the groups that may take it hold it
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_DECIDES",
                "personalData", "PERSONAL", "scale", "SMALL"));
        Task review = driver.task(versionId, "Task_ReviewRiskTier");
        engine.getTaskService().setDueDate(review.getId(), Date.from(due));
        GovernanceTask unclaimed = find(dashboard.tasks(true).tasks(), review.getId());
        assertThat(unclaimed.holder()).isEqualTo("unclaimed: risk-officers");
        assertThat(unclaimed.claimed()).isFalse();
        assertThat(dashboard.tasks(true).tasks()).noneSatisfy(t -> assertThat(t.id()).isEqualTo(questionnaire.getId()));
    }

    @Test
    void reviewsDueIncidentClocksAndApprovalsOfAnApprovedModelAreShown() {
        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        long approvedBefore = approvedThisMonth(dashboard.overview());

        String modelId = "DASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        driver.registerApprovedModel(owner, modelId, modelId.toLowerCase(Locale.ROOT));
        PortfolioDashboard.Overview afterApproval = dashboard.overview();
        assertThat(approvedThisMonth(afterApproval)).as("approvals in " + month).isEqualTo(approvedBefore + 1);
        assertThat(afterApproval.throughput().months()).hasSize(12);
        assertThat(afterApproval.throughput().bars()).anySatisfy(b -> {
            assertThat(b.outcome()).isEqualTo(ThroughputChart.Outcome.APPROVED);
            assertThat(b.month().toString()).isEqualTo(month);
            assertThat(b.count()).isEqualTo(approvedBefore + 1);
            assertThat(b.href()).startsWith("/audit?action=MODEL_VERSION_APPROVED&from=" + month + "-01&to=" + month);
        });

        LocalDate in20Days = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        inventory.scheduleReview(modelId + ":1", in20Days, "risk");
        ReviewDue due = dashboard.overview().reviewsDue().stream().filter(r -> r.modelId().equals(modelId))
                .findFirst().orElseThrow(() -> new AssertionError("review of " + modelId + " not listed"));
        assertThat(due.dueOn()).isEqualTo(in20Days);
        assertThat(due.daysLeft()).isEqualTo(20);
        assertThat(due.riskTier()).isEqualTo("MEDIUM");

        long clocksBefore = dashboard.overview().incidentClockCount();
        Api.Response reported = owner.post("/api/incidents", "{\"modelId\": \"" + modelId + "\","
                + " \"type\": \"HARMFUL_OUTPUT\", \"description\": \"Denials doubled overnight\"}");
        assertThat(reported.status()).as(reported.body()).isIn(200, 201);
        driver.runJobs();
        String incidentId = reported.json().path("id").asText();
        driver.complete(incidentId, "Task_Triage", "responder", Map.of("severity", "SEV1", "serious", true,
                "seriousKind", "CRITICAL_INFRASTRUCTURE"));
        PortfolioDashboard.Overview withIncident = dashboard.overview();
        assertThat(withIncident.incidentClockCount()).isEqualTo(clocksBefore + 1);
        IncidentClock clock = withIncident.incidentClocks().stream().filter(i -> i.id().equals(incidentId))
                .findFirst().orElseThrow(() -> new AssertionError("incident " + incidentId + " not listed"));
        assertThat(clock.modelId()).isEqualTo(modelId);
        assertThat(clock.overdue()).isFalse();
        assertThat(clock.remaining()).as("2 days for critical infrastructure").matches("1 d 23 h left|2 d 0 h left");
        // the incident's own tasks name its model
        assertThat(dashboard.tasks(false).tasks()).anySatisfy(t -> {
            assertThat(t.subject()).isEqualTo(incidentId);
            assertThat(t.modelId()).isEqualTo(modelId);
        });
    }

    private static long approvedThisMonth(PortfolioDashboard.Overview overview) {
        List<ThroughputChart.Month> months = overview.throughput().months();
        return months.get(months.size() - 1).approved();
    }

    private static GovernanceTask find(List<GovernanceTask> tasks, String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("task " + id + " not listed"));
    }

    private String register(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Api.Response created = owner.post("/api/models", "{\"id\": \"" + id + "\", \"name\": \"Dashboard probe\","
                + " \"purpose\": \"Counted on the portfolio dashboard\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }
}
