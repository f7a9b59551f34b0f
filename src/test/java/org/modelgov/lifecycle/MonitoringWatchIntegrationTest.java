package org.modelgov.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.modelgov.common.EachItem;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.validation.MonitoringEvidence;
import org.modelgov.validation.ValidationService;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Monitoring violations between reviews start one reassessment; the same finding does not start another. */
@ModelGovIntegrationTest
class MonitoringWatchIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    InventoryService inventory;
    @Autowired
    ValidationService validation;
    @Autowired
    LifecycleService lifecycle;
    @Autowired
    EachItem eachItem;

    @Test
    void aMonitorFindingBetweenReviewsStartsOneReassessment() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        String modelId = "MON-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        driver.registerApprovedModel(Api.as(port, "owner", "demo"), modelId, modelId.toLowerCase());
        String versionId = modelId + ":1";
        Instant foundAt = Instant.now();
        // a monitor that found violations in one run, at foundAt
        MonitoringEvidence monitor = (model, since) -> model.id().equals(modelId) && foundAt.isAfter(since)
                ? List.of(new MonitoringEvidence.Observed(foundAt, "data quality: 3 features violate constraints"))
                : List.of();
        MonitoringWatch watch = new MonitoringWatch(inventory, validation, monitor, lifecycle, eachItem);
        List<ModelVersion> mine = inventory.approvedVersions().stream().filter(v -> v.id().equals(versionId)).toList();

        assertThat(watch.check(mine)).isEqualTo(1);
        driver.runJobs();
        assertThat(lifecycle.state(versionId).orElseThrow().waitingAt()).contains("Task_DecideReassessment");
        assertThat(engine.getTaskService().getVariable(driver.task(versionId, "Task_DecideReassessment").getId(),
                "driftSummary")).asString().contains("3 features violate");
        assertThat(watch.check(mine)).as("busy reassessing").isZero();

        driver.complete(versionId, "Task_DecideReassessment", "risk", Map.of("reassessmentDecision", "CONTINUE",
                "reassessmentJustification", "Known upstream change; constraints updated"));
        assertThat(watch.check(mine)).as("the same finding does not start another").isZero();
    }
}
