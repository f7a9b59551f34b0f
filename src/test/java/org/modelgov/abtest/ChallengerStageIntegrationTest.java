package org.modelgov.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The A/B stage in a real lifecycle (local mode): a HIGH model's approved version at an endpoint runs as a challenger
 * (recorded, the model stays APPROVED), and only incident responders and governance administrators stop it through
 * ModelGov's API: every other role gets 403 and nothing changes; a stop without a reason is 400, on an unknown model
 * 404, with no test running 409. A stop withdraws the challenger, records who and why, and sends the version to its
 * owner, whose remediation form shows it.
 */
@ModelGovIntegrationTest
class ChallengerStageIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AbTestRepository tests;
    @Autowired
    org.modelgov.incident.DeploymentControl deploymentControl;

    private LifecycleDriver driver;
    private Api owner;
    private Api responder;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        responder = Api.as(port, "responder", "demo");
    }

    @Test
    void aHighModelsApprovedVersionRunsAsAChallengerAndOnlyRespondersAndAdministratorsStopIt() {
        String modelId = "AB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        driver.registerModelAt(owner, modelId, "ab-" + UUID.randomUUID().toString().substring(0, 8));
        String versionId = driver.approveFirstVersionAsHigh(owner, modelId);

        JsonNode test = owner.get("/api/models/" + modelId + "/ab-tests").json().get(0);
        assertThat(test.path("outcome").asText()).isEqualTo("RUNNING");
        assertThat(test.path("versionId").asText()).isEqualTo(versionId);
        assertThat(test.path("championVariant").asText()).isEqualTo("primary");
        assertThat(test.path("challengerShare").asDouble()).isEqualTo(0.1);
        assertThat(test.path("policy").path("observationWindow").asText()).isEqualTo("P7D");
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText())
                .as("approved, not in production until the challenger passes").isEqualTo("APPROVED");
        String audit = Api.as(port, "compliance", "demo").get("/api/audit?modelId=" + modelId).body();
        assertThat(audit).contains("AB_TEST_STARTED", "approver1+approver2");

        for (String user : new String[] {"owner", "risk", "validator", "ethics", "business", "approver1",
                "compliance"}) {
            Api.Response refused = Api.as(port, user, "demo").post("/api/models/" + modelId + "/ab-test/stop",
                    "{\"reason\": \"I want it stopped\"}");
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).post("/api/models/" + modelId + "/ab-test/stop", "{\"reason\": \"x\"}")
                .status()).isEqualTo(401);
        assertThat(tests.latest(versionId).orElseThrow()).as("a refusal changes nothing")
                .satisfies(t -> {
                    assertThat(t.running()).isTrue();
                    assertThat(t.stopRequested()).isFalse();
                });
        assertThat(responder.post("/api/models/" + modelId + "/ab-test/stop", "{}").invalidFields())
                .containsExactly("reason");
        assertThat(responder.post("/api/models/" + modelId + "/ab-test/stop", "{\"reason\": \"x\", \"by\": \"y\"}")
                .status()).isEqualTo(400);
        assertThat(responder.post("/api/models/NO-SUCH-MODEL/ab-test/stop", "{\"reason\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(tests.latest(versionId).orElseThrow().stopRequested()).isFalse();

        // the stage's message is ModelGov's API's alone: through the engine REST API it is refused, nothing changes
        Api.Response viaEngine = responder.post("/engine-rest/message", "{\"messageName\": \"StopChallengerTest\","
                + " \"businessKey\": \"" + versionId + "\"}");
        assertThat(viaEngine.status()).as(viaEngine.body()).isEqualTo(403);
        driver.runJobs();
        assertThat(tests.latest(versionId).orElseThrow().running()).isTrue();

        Api.Response stopped = responder.post("/api/models/" + modelId + "/ab-test/stop",
                "{\"reason\": \"Complaints about the challenger's answers\"}");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().path("stoppedBy").asText()).isEqualTo("responder");
        driver.runJobs();

        AbTest ended = tests.latest(versionId).orElseThrow();
        assertThat(ended.outcome()).isEqualTo(AbTestOutcome.STOPPED);
        assertThat(ended.outcomeReason()).contains("responder", "Complaints about the challenger's answers");
        assertThat(driver.hasTask(versionId, "Task_RemediateFindings")).as("back to the owner").isTrue();
        Task remediation = driver.task(versionId, "Task_RemediateFindings");
        assertThat((String) engine.getTaskService().getVariableLocal(remediation.getId(), "abComparison"))
                .contains("STOPPED", "responder", "Complaints about the challenger's answers");
        assertThat(owner.get("/api/models/" + modelId + "/versions/1").json().path("status").asText())
                .as("the version is in review again").isEqualTo("IN_REVIEW");
        assertThat(Api.as(port, "compliance", "demo").get("/api/audit?modelId=" + modelId).body())
                .contains("AB_TEST_STOP_REQUESTED", "AB_TEST_STOPPED", "AB_TEST_WEIGHTS_SET");
        assertThat(responder.post("/api/models/" + modelId + "/ab-test/stop", "{\"reason\": \"again\"}").status())
                .as("no test runs any more").isEqualTo(409);
    }

    @Test
    void aBreakGlassDuringTheTestKeepsWorkingAndVoidsTheComparison() {
        String endpoint = "ab-" + UUID.randomUUID().toString().substring(0, 8);
        String modelId = "AB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        driver.registerModelAt(owner, modelId, endpoint);
        String versionId = driver.approveFirstVersionAsHigh(owner, modelId);
        Api.Response contained = responder.post("/api/models/" + modelId + "/break-glass",
                "{\"reason\": \"Harmful answers from the endpoint\"}");
        assertThat(contained.status()).as(contained.body()).isEqualTo(200);
        assertThat(deploymentControl.weights(endpoint)).containsEntry("fallback", 1.0);

        // the stage's timers run out (rollout polling, the window): it sees the containment and does not compare
        for (int i = 0; i < 10 && !driver.hasTask(versionId, "Task_RemediateFindings"); i++) {
            var stage = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(ChallengerTestEngine.PROCESS_KEY).processInstanceBusinessKey(versionId)
                    .singleResult();
            if (stage != null) {
                engine.getManagementService().createJobQuery().processInstanceId(stage.getId()).timers().list()
                        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
            }
            driver.runJobs();
        }
        AbTest ended = tests.latest(versionId).orElseThrow();
        assertThat(ended.outcome()).isEqualTo(AbTestOutcome.STOPPED);
        assertThat(ended.outcomeReason()).contains("Break-glass containment", "no comparison");
        assertThat(ended.evidenceReportId()).isNull();
        assertThat(deploymentControl.weights(endpoint)).as("the containment still holds all traffic")
                .containsEntry("fallback", 1.0);
        assertThat(driver.hasTask(versionId, "Task_RemediateFindings")).isTrue();
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText())
                .as("the break-glass's status stays until incident response lifts it").isEqualTo("SUSPENDED");
    }

    @Test
    void governanceAdministratorsMayStopButNotWhereNoTestRuns() {
        String modelId = "AB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        driver.registerModelAt(owner, modelId, "ab-" + UUID.randomUUID().toString().substring(0, 8));
        Api.Response none = Api.as(port, "admin", "demo").post("/api/models/" + modelId + "/ab-test/stop",
                "{\"reason\": \"Stop it\"}");
        assertThat(none.status()).as(none.body()).isEqualTo(409);
        assertThat(none.body()).contains("No A/B test of model " + modelId + " is running");
    }
}
