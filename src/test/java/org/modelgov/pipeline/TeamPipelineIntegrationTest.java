package org.modelgov.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewService;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.validation.FindingLevel;
import org.modelgov.validation.ValidationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A version's own validation pipeline runs in each validation round (in-process in local mode). */
@ModelGovIntegrationTest
class TeamPipelineIntegrationTest {

    static final String PIPELINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:credit-validation";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ValidationService validation;
    @Autowired
    ReviewService reviews;

    @Test
    void theTeamPipelineIsPolledUntilItEndsAndItsOutcomeIsAFinding() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "PIPE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Piped\", \"purpose\": \"Piped\"}")
                .status()).isEqualTo(201);
        assertThat(owner.post("/api/models/" + modelId + "/versions", "{\"validationPipelineArn\": \"arn:aws:s3:::x\"}")
                .invalidFields()).containsExactly("validationPipelineArn");
        assertThat(owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s", "validationPipelineArn": "%s"}"""
                .formatted(LifecycleDriver.demoFile("evaluation.csv"), LifecycleDriver.demoFile("analysis-config.json"),
                        PIPELINE)).status()).isEqualTo(201);
        String versionId = modelId + ":1";
        driver.runJobs();
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", false, "humanOversight", "HUMAN_DECIDES",
                "personalData", "NONE", "scale", "SMALL"));
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "LOW"));
        assertThat(driver.hasTask(versionId, "Task_ReviewTechnicalValidation")).as("waits for the pipeline").isFalse();

        String round = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(versionId)
                .processDefinitionKey("ModelValidationProcess").singleResult().getId();
        driver.fireTimer(round, "Timer_PipelinePoll");
        driver.runJobs();
        driver.complete(versionId, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        String runId = reviews.decisions(versionId).stream().filter(d -> d.kind() == ReviewKind.TECHNICAL_VALIDATION)
                .map(ReviewDecision::basis).findFirst().orElseThrow();
        assertThat(validation.findings(runId)).anyMatch(f -> f.check().equals("TEAM_PIPELINE")
                && f.level() == FindingLevel.PASS && f.message().contains("local mode"));
    }
}
