package org.modelgov.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.common.GovernanceRole;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A HIGH model driven through the whole A/B stage in local mode on the REAL adapters: the challenger is deployed
 * on the local endpoint table, metric samples for both variants are posted to the sample API, the window's timer
 * fires, the comparator decides. Passing promotes the version (all traffic, IN_PRODUCTION); a latency regression
 * sends it back to the owner with the comparison.
 */
@ModelGovIntegrationTest
class ChallengerStageLocalAdaptersIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    AbTestRepository tests;
    @Autowired
    ChallengerDeployment deployment;
    @Autowired
    VariantMetricSource metrics;
    @Autowired
    ChallengerComparator comparator;

    private LifecycleDriver driver;
    private Api owner;
    private Api monitoring;

    @BeforeEach
    void realAdaptersOnly() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        monitoring = Api.as(port, TestUsers.ensure(identity, "ab-monitoring", GovernanceRole.MONITORING_INTEGRATION_GROUP),
                TestUsers.PASSWORD);
    }

    @Test
    void aChallengerAsGoodAsItsChampionIsPromotedAndTakesAllTraffic() throws Exception {
        String modelId = "ABL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        driver.registerModelAt(owner, modelId, modelId.toLowerCase());
        String versionId = driver.approveFirstVersionAsHigh(owner, modelId);
        AbTest test = observing(versionId);
        post(test, test.championVariant(), 2, 50.0);
        post(test, test.challengerVariant(), 2, 50.5);
        endWindow(versionId);

        AbTest ended = tests.latest(versionId).orElseThrow();
        assertThat(ended.outcome()).as(ended.outcomeReason()).isEqualTo(AbTestOutcome.PASSED);
        assertThat(ended.promotedAt()).isNotNull();
        assertThat(deployment.weights(test.endpointName())).containsEntry(test.challengerVariant(), 1.0)
                .containsEntry(test.championVariant(), 0.0);
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("IN_PRODUCTION");
        assertThat(owner.get("/api/models/" + modelId + "/versions/1").json().path("lifecycle").path("waitingAt")
                .toString()).contains("Gateway_AwaitReview");
        assertThat(owner.get("/api/reports/" + ended.evidenceReportId()).json().path("kind").asText())
                .isEqualTo("AB_COMPARISON");
    }

    @Test
    void aSlowerChallengerFailsGoesBackToItsOwnerAndLosesItsTraffic() throws Exception {
        String modelId = "ABL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        driver.registerModelAt(owner, modelId, modelId.toLowerCase());
        String versionId = driver.approveFirstVersionAsHigh(owner, modelId);
        AbTest test = observing(versionId);
        post(test, test.championVariant(), 2, 50.0);
        post(test, test.challengerVariant(), 2, 80.0);
        endWindow(versionId);

        AbTest ended = tests.latest(versionId).orElseThrow();
        assertThat(ended.outcome()).as(ended.outcomeReason()).isEqualTo(AbTestOutcome.FAILED);
        assertThat(deployment.weights(test.endpointName())).containsEntry(test.challengerVariant(), 0.0)
                .containsEntry(test.championVariant(), 1.0);
        assertThat(driver.hasTask(versionId, "Task_RemediateFindings")).isTrue();
        assertThat((String) engine.getTaskService().getVariableLocal(driver.task(versionId,
                "Task_RemediateFindings").getId(), "abComparison")).contains("FAILED", "ModelLatency");
    }

    /** Polls the rollout (its timer) until the challenger serves and the window runs. */
    private AbTest observing(String versionId) {
        for (int i = 0; i < 10 && tests.latest(versionId).orElseThrow().startedAt() == null; i++) {
            fireStageTimer(versionId, "Timer_RolloutPoll");
        }
        AbTest test = tests.latest(versionId).orElseThrow();
        assertThat(test.startedAt()).as("the challenger serves and has its share").isNotNull();
        assertThat(deployment.weights(test.endpointName())).containsEntry(test.challengerVariant(), 0.1);
        return test;
    }

    /** Samples inside the window, at instants already past (the sample API refuses the future). */
    private void post(AbTest test, String variant, int errors, double latencyMs) throws InterruptedException {
        Thread.sleep(50);
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String at = test.startedAt().plusMillis(i + 1).toString();
            samples.add("{\"metric\": \"Invocations\", \"at\": \"" + at + "\", \"value\": 100}");
            samples.add("{\"metric\": \"Invocation5XXErrors\", \"at\": \"" + at + "\", \"value\": "
                    + (i < errors ? 1 : 0) + "}");
            samples.add("{\"metric\": \"ModelLatency\", \"at\": \"" + at + "\", \"value\": "
                    + (latencyMs + (i % 5) * 0.5) + "}");
        }
        Api.Response posted = monitoring.post("/api/endpoints/" + test.endpointName() + "/variants/" + variant
                + "/metric-samples", "[" + String.join(",", samples) + "]");
        assertThat(posted.status()).as(posted.body()).isBetween(200, 299);
        assertThat(Instant.now()).isAfter(test.startedAt().plusMillis(20));
    }

    private void endWindow(String versionId) {
        fireStageTimer(versionId, "Timer_ObservationWindow");
    }

    private void fireStageTimer(String versionId, String activity) {
        ProcessInstance stage = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ChallengerTestEngine.PROCESS_KEY).processInstanceBusinessKey(versionId)
                .singleResult();
        if (stage == null) {
            return;
        }
        for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(stage.getId()).timers()
                .activityId(activity).list()) {
            engine.getManagementService().executeJob(timer.getId());
        }
        driver.runJobs();
    }
}
