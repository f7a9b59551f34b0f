package org.modelgov.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Incident response on the real engine and database: an incident reported through the API on an approved
 * model is contained (traffic, approval, reassessments), worked in its tasks, reported to the regulator on
 * a clock, restored and closed; alarms are deduplicated; exercises change nothing real.
 */
@ModelGovIntegrationTest
class IncidentResponseIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DeploymentControl deployment;

    private LifecycleDriver driver;
    private Api owner;
    private Api responder;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        responder = Api.as(port, "responder", "demo");
    }

    /** A MEDIUM model approved through its lifecycle, deployed at its own endpoint. */
    private String approvedModel() {
        String id = "INC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        driver.registerApprovedModel(owner, id, id.toLowerCase());
        assertThat(owner.get("/api/models/" + id).json().path("status").asText()).isEqualTo("IN_PRODUCTION");
        return id;
    }

    private JsonNode reportIncident(String modelId, String type, String extra) {
        Api.Response created = owner.post("/api/incidents", "{\"modelId\": \"" + modelId + "\", \"type\": \"" + type
                + "\", \"description\": \"Denials doubled overnight\"" + extra + "}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        driver.runJobs();
        return created.json();
    }

    private String lifecycleInstance(String modelId) {
        return owner.get("/api/models/" + modelId + "/versions/1").json().path("lifecycle").path("processInstanceId")
                .asText();
    }

    @Test
    void aSeriousIncidentIsContainedReportedOnTheClockRestoredAndClosed() {
        String modelId = approvedModel();
        String endpoint = modelId.toLowerCase();
        JsonNode incident = reportIncident(modelId, "HARMFUL_OUTPUT", "");
        String id = incident.path("id").asText();
        assertThat(incident.path("status").asText()).isEqualTo("OPEN");
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("UNDER_INCIDENT");
        assertThat(Api.as(port, "compliance", "demo").get("/api/audit?modelId=" + modelId).body())
                .as("the lifecycle heard of it").contains("INCIDENT_REPORTED", "INCIDENT_OPENED");

        // triage: severity and the EU AI Act serious-incident call are the responder's
        assertThatThrownBy(() -> driver.complete(id, "Task_Triage", "responder", Map.of("severity", "SEV9")))
                .hasMessageContaining("'Severity' must be one of");
        engine.getTaskService().setAssignee(driver.task(id, "Task_Triage").getId(), null);
        driver.complete(id, "Task_Triage", "responder", Map.of("severity", "SEV1", "serious", true,
                "seriousKind", "CRITICAL_INFRASTRUCTURE"));

        // break-glass: traffic to the fallback, approval suspended, reassessments paused
        assertThat(deployment.weights(endpoint)).containsEntry("fallback", 1.0).containsEntry("primary", 0.0);
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(lifecycleInstance(modelId))
                .suspended().count()).as("the review timer is paused").isEqualTo(1);
        JsonNode contained = owner.get("/api/incidents/" + id).json();
        assertThat(contained.path("status").asText()).isEqualTo("CONTAINED");
        assertThat(contained.path("measures").path("timeToContainSeconds").isNumber()).isTrue();

        // the Art. 73 clock: 2 days from awareness for critical infrastructure, escalated on the way
        Instant aware = Instant.parse(contained.path("awareAt").asText());
        assertThat(Instant.parse(contained.path("reportDueAt").asText())).isEqualTo(aware.plus(Duration.ofDays(2)));
        String processId = driver.task(id, "Task_FileRegulatoryReport").getProcessInstanceId();
        driver.fireTimer(processId, "Timer_ReportHalfway");
        driver.runJobs();
        assertThat(Api.as(port, "compliance", "demo").get("/api/notifications?modelId=" + modelId).body())
                .contains("ESCALATION " + id + ": REPORT_HALFWAY", "compliance-officers");

        driver.complete(id, "Task_Investigate", "responder", Map.of("rootCause", "A feature pipeline sent nulls",
                "affectedPopulation", "Claims filed on 27 November"));
        driver.complete(id, "Task_Remediate", "responder", Map.of("remediation", "ROLLBACK",
                "remediationNotes", "Pipeline fixed and replayed"));
        assertThat(deployment.weights(endpoint)).as("containment undone").containsEntry("primary", 1.0)
                .containsEntry("fallback", 0.0);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(lifecycleInstance(modelId))
                .suspended().count()).as("reassessments resumed").isZero();

        driver.complete(id, "Task_FileRegulatoryReport", "compliance", Map.of("reportReference", "MSA-2026-0042"));
        driver.complete(id, "Task_PostIncidentReview", "responder", Map.of("lessonsLearned",
                "Check for nulls before scoring"));
        JsonNode closed = owner.get("/api/incidents/" + id).json();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("reportReference").asText()).isEqualTo("MSA-2026-0042");
        assertThat(closed.path("measures").path("timeToResolveSeconds").isNumber()).isTrue();
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("IN_PRODUCTION");
        assertThat(Api.as(port, "compliance", "demo").get("/api/audit?modelId=" + modelId).body())
                .contains("INCIDENT_CLOSED_ON_LIFECYCLE", "REGULATORY_REPORT_FILED", "INCIDENT_CLOSED");
    }

    @Test
    void everyNotificationAboutAnIncidentNamesItsModelAndTier() {
        String modelId = approvedModel();
        String id = reportIncident(modelId, "HARMFUL_OUTPUT", "").path("id").asText();
        Api compliance = Api.as(port, "compliance", "demo");

        JsonNode sent = compliance.get("/api/notifications?modelId=" + modelId).json();
        JsonNode triageTask = null;
        JsonNode detected = null;
        JsonNode questionnaireTask = null;
        JsonNode signOffTask = null;
        for (JsonNode n : sent) {
            String subject = n.path("subject").asText();
            if (subject.equals("New task: Triage incident (" + id + ")")) {
                triageTask = n;
            } else if (n.path("eventType").asText().equals("INCIDENT_DETECTED")) {
                detected = n;
            } else if (subject.startsWith("New task: Answer") && subject.endsWith("(" + modelId + ":1)")) {
                questionnaireTask = n;
            } else if (subject.startsWith("New task: Sign off") && subject.endsWith("(" + modelId + ":1)")) {
                signOffTask = n;
            }
        }
        assertThat(triageTask).as("the incident's task, found by its model").isNotNull();
        assertThat(triageTask.path("riskTier").asText()).isEqualTo("MEDIUM");
        assertThat(triageTask.path("body").asText()).contains("model " + modelId);
        assertThat(detected).isNotNull();
        assertThat(detected.path("riskTier").asText()).isEqualTo("MEDIUM");
        // a lifecycle task carries the tier its version was assessed at, none before the assessment
        assertThat(questionnaireTask).isNotNull();
        assertThat(questionnaireTask.path("riskTier").isNull()).isTrue();
        assertThat(signOffTask).isNotNull();
        assertThat(signOffTask.path("riskTier").asText()).isEqualTo("MEDIUM");
        assertThat(compliance.get("/api/notifications?modelId=" + id).json()).as("nothing under the incident id")
                .isEmpty();
    }

    @Test
    void theSameAlarmWhileItsIncidentIsOpenAddsAnOccurrence() {
        String modelId = approvedModel();
        JsonNode first = reportIncident(modelId, "OUTAGE", ", \"externalId\": \"arn:aws:cloudwatch:alarm:5xx\"");
        JsonNode again = owner.post("/api/incidents", "{\"modelId\": \"" + modelId + "\", \"type\": \"OUTAGE\","
                + " \"description\": \"still failing\", \"externalId\": \"arn:aws:cloudwatch:alarm:5xx\"}").json();
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(again.path("occurrences").asInt()).isEqualTo(2);
        assertThat(owner.get("/api/incidents?modelId=" + modelId).json()).hasSize(1);
    }

    @Test
    void aTabletopExerciseRunsEveryStepButChangesNothingReal() {
        String modelId = approvedModel();
        String endpoint = modelId.toLowerCase();
        String id = reportIncident(modelId, "DATA_LEAK", ", \"exercise\": true").path("id").asText();
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("IN_PRODUCTION");
        driver.complete(id, "Task_Triage", "responder", Map.of("severity", "SEV1", "serious", false));
        assertThat(deployment.weights(endpoint)).as("dry run").containsEntry("primary", 1.0);
        assertThat(owner.get("/api/incidents/" + id).json().path("status").asText()).isEqualTo("CONTAINED");
        driver.complete(id, "Task_Investigate", "responder", Map.of("rootCause", "Rehearsal"));
        driver.complete(id, "Task_Remediate", "responder", Map.of("remediation", "ACCEPT", "remediationNotes", "Drill"));
        driver.complete(id, "Task_PostIncidentReview", "responder", Map.of("lessonsLearned", "Page faster"));

        JsonNode timeline = owner.get("/api/incidents/" + id + "/timeline").json();
        assertThat(timeline.toString()).contains("Task_Triage", "Task_BreakGlass", "Task_CloseIncident");
        for (JsonNode step : timeline) {
            assertThat(step.path("durationMillis").isNumber()).as(step.toString()).isTrue();
        }
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("IN_PRODUCTION");
        assertThat(Api.as(port, "compliance", "demo").get("/api/notifications?modelId=" + modelId).body())
                .contains("[EXERCISE] Incident " + id);
    }

    @Test
    void respondersBreakTheGlassByHandAndUndoIt() {
        String modelId = approvedModel();
        String endpoint = modelId.toLowerCase();
        assertThat(owner.post("/api/models/" + modelId + "/break-glass", "{\"reason\": \"x\"}").status())
                .isEqualTo(403);
        assertThat(responder.post("/api/models/" + modelId + "/break-glass", "{}").invalidFields())
                .containsExactly("reason");
        Api.Response contained = responder.post("/api/models/" + modelId + "/break-glass",
                "{\"reason\": \"Bad answers reported by the call centre\"}");
        assertThat(contained.status()).as(contained.body()).isEqualTo(200);
        assertThat(deployment.weights(endpoint)).containsEntry("fallback", 1.0);
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(responder.post("/api/models/" + modelId + "/break-glass/undo", "").status()).isEqualTo(200);
        assertThat(deployment.weights(endpoint)).containsEntry("primary", 1.0);
        assertThat(responder.post("/api/models/" + modelId + "/break-glass/undo", "").status()).isEqualTo(409);
        assertThat(Api.as(port, "compliance", "demo").get("/api/audit?modelId=" + modelId).body())
                .contains("BREAK_GLASS", "BREAK_GLASS_UNDONE");
    }

    @Test
    void badReportsAreRefusedWithWhatWasWrong() {
        assertThat(owner.post("/api/incidents", "{\"modelId\": \"NO-SUCH\", \"type\": \"OUTAGE\","
                + " \"description\": \"x\"}").invalidFields()).containsExactly("modelId");
        assertThat(owner.post("/api/incidents", "{\"modelId\": \"CREDIT-SCORE-002\", \"type\": \"FIRE\"}")
                .invalidFields()).containsExactlyInAnyOrder("type", "description");
        assertThat(owner.post("/api/incidents", "{\"modelId\": \"CREDIT-SCORE-002\", \"type\": \"OUTAGE\","
                + " \"description\": \"x\", \"severity\": \"SEV1\"}").invalidFields()).containsExactly("severity");
        assertThat(owner.post("/api/incidents", "{\"modelId\": \"CREDIT-SCORE-002\", \"type\": \"OUTAGE\","
                + " \"description\": \"x\", \"exercise\": \"yes\"}").invalidFields()).containsExactly("exercise");
        assertThat(owner.get("/api/incidents/INC-NOPE").status()).isEqualTo(404);
        assertThat(owner.get("/api/incidents?status=BURNING").invalidFields()).containsExactly("status");
        assertThat(Api.anonymous(port).post("/api/incidents", "{}").status()).isEqualTo(401);
    }

    @Test
    void theTasklistStartFormOpensAnIncidentAsTheLoggedInUser() {
        String modelId = approvedModel();
        String[] instance = new String[1];
        driver.as("responder", () -> instance[0] = engine.getRuntimeService().startProcessInstanceByKey(
                "IncidentResponseProcess", Map.of("modelId", modelId, "incidentType", "BIAS",
                        "description", "Women refused twice as often this week")).getId());
        String businessKey = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance[0])
                .singleResult().getBusinessKey();
        JsonNode incident = owner.get("/api/incidents/" + businessKey).json();
        assertThat(incident.path("reporter").asText()).isEqualTo("responder");
        assertThat(incident.path("source").asText()).isEqualTo("TASKLIST");
        assertThatThrownBy(() -> driver.as("responder", () -> engine.getRuntimeService().startProcessInstanceByKey(
                "IncidentResponseProcess", Map.of("modelId", modelId, "incidentType", "BIAS"))))
                .hasMessageContaining("description");
    }
}
