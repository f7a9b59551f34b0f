package org.modelgov.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentService;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.RiskTier;
import org.modelgov.notification.NotificationOutbox;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.modelgov.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exercise schedule on the real engine and database: executing its timer job starts one exercise for each due
 * critical model (HIGH, in production, never exercised or last exercised a cadence ago) and none for the others; a
 * second firing in the same period starts nothing; the exercise arrives for the responders and the model's owner,
 * runs the whole incident response as a dry run, is escalated as an exercise when overdue, and its timings show in
 * the API and the trend on /incidents.
 */
@ModelGovIntegrationTest
class ExerciseScheduleIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ExerciseService exercises;
    @Autowired
    ExerciseRepository repository;
    @Autowired
    InventoryService inventory;
    @Autowired
    IncidentService incidents;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;

    private LifecycleDriver driver;
    private Api owner;
    private String exerciseOwner;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        exerciseOwner = TestUsers.ensure(identity, "exercise-owner", "model-owners");
    }

    /** A model of this tier in production, owned by exercise-owner of {@code team}, without going through review. */
    private String modelInProduction(RiskTier tier, String team) {
        String id = "EXR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response created = owner.post("/api/models", "{\"id\": \"" + id + "\", \"name\": \"Fraud screen\","
                + " \"purpose\": \"Flags card fraud\", \"owner\": \"" + exerciseOwner + "\", \"ownerTeam\": \"" + team
                + "\", \"deployment\": {\"endpointName\": \"" + id.toLowerCase() + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response version = owner.post("/api/models/" + id + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s"}
                """.formatted(LifecycleDriver.demoFile("evaluation.csv"), LifecycleDriver.demoFile("analysis-config.json")));
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        driver.runJobs();
        inventory.recordRiskTier(id + ":1", tier, "exercise test", "risk");
        inventory.approveVersion(id + ":1", LocalDate.now().plusMonths(1), "approver1");
        assertThat(inventory.get(id).status().name()).isEqualTo("IN_PRODUCTION");
        return id;
    }

    /**
     * Models other tests left in production would be due as well: they count as just exercised here (a row without
     * an incident), so this test's firing touches only its own models.
     */
    private void onlyTheseAreCandidates(Set<String> mine) {
        for (ExerciseRepository.Candidate c : repository.candidates()) {
            if (!mine.contains(c.modelId())) {
                repository.insert(new Exercise("EX-QUIET-" + UUID.randomUUID().toString().substring(0, 8), c.modelId(),
                        null, "drift", "(set aside by a test)", null, "test", "TEST", "test", Instant.now(), null, null,
                        null, null, null, null, null));
            }
        }
    }

    private void fireSchedule() {
        List<Job> timers = engine.getManagementService().createJobQuery().timers()
                .processDefinitionKey("ExerciseScheduleProcess").list();
        assertThat(timers).as("the schedule's timer start job, visible in Cockpit").hasSize(1);
        engine.getManagementService().executeJob(timers.get(0).getId());
        driver.runJobs();
    }

    @Test
    void theTimerStartsOneExercisePerDueCriticalModelAndNoneTwiceInAPeriod() {
        String due = modelInProduction(RiskTier.HIGH, "Fraud analytics");
        String medium = modelInProduction(RiskTier.MEDIUM, "Fraud analytics");
        String recent = modelInProduction(RiskTier.HIGH, "Fraud analytics");
        exercises.startNow(recent, "outage", new Actor("responder", Set.of("incident-responders")));
        onlyTheseAreCandidates(Set.of(due, medium, recent));

        fireSchedule();

        List<ExerciseRepository.Timed> ofDue = exercises.list(due, 10);
        assertThat(ofDue).hasSize(1);
        Exercise exercise = ofDue.get(0).exercise();
        assertThat(exercise.source()).isEqualTo("SCHEDULE");
        assertThat(exercise.periodKey()).isEqualTo("first");
        assertThat(exercise.scenarioId()).as("the library's first scenario: none exercised yet").isEqualTo("drift");
        assertThat(exercise.team()).isEqualTo("Fraud analytics");
        assertThat(exercises.list(medium, 10)).as("MEDIUM has no cadence").isEmpty();
        assertThat(exercises.list(recent, 10)).as("exercised today: not due").hasSize(1);

        Incident incident = incidents.get(exercise.incidentId());
        assertThat(incident.exercise()).isTrue();
        assertThat(incident.source()).isEqualTo("SCHEDULE");
        assertThat(incident.type().name()).isEqualTo("DRIFT");
        assertThat(incident.description()).contains("population stability index").contains("Expected actions");
        assertThat(incident.externalId()).isEqualTo("exercise:" + exercise.id());

        // the responders and the model's owner both get it: the triage task and the notification
        Task triage = driver.task(incident.id(), "Task_Triage");
        List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(triage.getId());
        assertThat(links).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("incident-responders"));
        assertThat(links).anySatisfy(l -> assertThat(l.getUserId()).isEqualTo(exerciseOwner));
        assertThat(outbox.latest(due, 20)).anySatisfy(n -> {
            assertThat(n.subject()).startsWith("[EXERCISE]");
            assertThat(n.recipientUsers()).contains(exerciseOwner);
            assertThat(n.recipientGroups()).contains("incident-responders");
        });
        // the dry run leaves the model alone
        assertThat(inventory.get(due).status().name()).isEqualTo("IN_PRODUCTION");

        // a second firing in the same period starts nothing
        fireSchedule();
        assertThat(exercises.list(due, 10)).hasSize(1);
        assertThat(exercises.startDue()).doesNotContain(exercise.id()).allSatisfy(id ->
                assertThat(repository.find(id).orElseThrow().modelId()).isNotIn(due, medium, recent));

        // a quarter later it is due again, on the next scenario of the library
        jdbc.sql("UPDATE modelgov.exercise SET started_at = ? WHERE id = ?")
                .params(Instant.now().minus(92, ChronoUnit.DAYS).atOffset(java.time.ZoneOffset.UTC), exercise.id())
                .update();
        onlyTheseAreCandidates(Set.of(due, medium, recent));
        fireSchedule();
        List<ExerciseRepository.Timed> now = exercises.list(due, 10);
        assertThat(now).hasSize(2);
        Exercise next = now.get(0).exercise();
        assertThat(next.scenarioId()).as("the rotation never repeats the last scenario").isEqualTo("bias-complaint");
        assertThat(next.periodKey()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).minusDays(92).plusMonths(3)
                .toString());

        // the unique key: one exercise per model and due period, whoever tries again
        assertThatThrownBy(() -> repository.insert(new Exercise("EX-TWICE-" + UUID.randomUUID().toString()
                .substring(0, 8), due, next.periodKey(), "outage", "again", null, "t", "SCHEDULE", "modelgov",
                Instant.now(), null, null, null, null, null, null, null)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anExerciseRunsTheWholeResponseAsADryRunIsEscalatedAsAnExerciseAndShowsInTheTrend() {
        String model = modelInProduction(RiskTier.HIGH, "Payments ML");
        Exercise exercise = exercises.startNow(model, "outage", new Actor(exerciseOwner, Set.of("model-owners")));
        driver.runJobs();
        String incident = exercise.incidentId();

        // an overdue triage is escalated like any other, and says it is an exercise
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(
                "IncidentResponseProcess").processInstanceBusinessKey(incident).singleResult().getId();
        driver.fireTimer(instance, "Timer_TriageTargetMissed");
        driver.runJobs();
        assertThat(outbox.latest(model, 30)).anySatisfy(n ->
                assertThat(n.subject()).startsWith("[EXERCISE] ESCALATION " + incident));

        driver.complete(incident, "Task_Triage", "responder", Map.of("severity", "SEV2", "serious", false));
        // the owner works the exercise beside the responders
        driver.complete(incident, "Task_Investigate", exerciseOwner, Map.of("rootCause", "Instances stopped"));
        driver.complete(incident, "Task_Remediate", "responder", Map.of("remediation", "ACCEPT",
                "remediationNotes", "Nothing to change: an exercise"));
        driver.complete(incident, "Task_PostIncidentReview", "responder", Map.of("lessonsLearned",
                "Page the owner at once"));
        Incident closed = incidents.get(incident);
        assertThat(closed.status().name()).isEqualTo("CLOSED");
        assertThat(closed.containedAt()).as("the dry-run containment is timed").isNotNull();
        assertThat(inventory.get(model).status().name()).as("nothing real changed").isEqualTo("IN_PRODUCTION");

        Api responder = Api.as(port, "responder", "demo");
        JsonNode listed = responder.get("/api/exercises?modelId=" + model).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("scenarioId").asText()).isEqualTo("outage");
        assertThat(listed.get(0).path("incidentStatus").asText()).isEqualTo("CLOSED");
        assertThat(listed.get(0).path("measures").path("timeToTriageSeconds").isNumber()).isTrue();
        assertThat(listed.get(0).path("measures").path("timeToResolveSeconds").isNumber()).isTrue();

        JsonNode trend = responder.get("/api/exercises/trend").json();
        String quarter = ExerciseTrend.quarter(Instant.now());
        JsonNode point = null;
        for (JsonNode p : trend) {
            if (p.path("team").asText().equals("Payments ML") && p.path("quarter").asText().equals(quarter)) {
                point = p;
            }
        }
        assertThat(point).as("the team's point for this quarter in " + trend).isNotNull();
        assertThat(point.path("exercises").asInt()).isEqualTo(1);
        assertThat(point.path("minutesToResolve").isNumber()).isTrue();

        // the pages: the trend on /incidents, the scenario on the incident
        WebappSession session = WebappSession.logIn(port, "responder", "demo");
        String page = session.page("/incidents");
        assertThat(page).contains("id=\"exercise-trend\"").contains("data-team=\"Payments ML\"")
                .contains("data-series=\"Payments ML\"").contains("Mean time to resolve per team")
                .contains(exercise.id());
        String detail = session.page("/incidents/" + incident);
        assertThat(detail).contains("id=\"exercise-scenario\"").contains("Serving endpoint down (outage)")
                .contains("Tell the business owner how long manual review must cover");
    }
}
