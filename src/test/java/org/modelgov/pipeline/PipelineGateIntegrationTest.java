package org.modelgov.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A pipeline waiting with a task token is answered once, when the version's lifecycle decides. */
@ModelGovIntegrationTest
class PipelineGateIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    PipelineGateRepository gates;

    @Test
    void theGateIsAnsweredWhenTheVersionIsSignedOff() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "GATE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String arn = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/" + modelId.toLowerCase() + "/1";
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Gated\", \"purpose\": \"Gated\"}")
                .status()).isEqualTo(201);
        assertThat(owner.post("/api/models/" + modelId + "/versions", """
                {"modelPackageArn": "%s", "evaluationDatasetUri": "%s", "analysisConfigUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/x"}}""".formatted(arn, LifecycleDriver.demoFile("evaluation.csv"),
                LifecycleDriver.demoFile("analysis-config.json"))).status()).isEqualTo(201);
        driver.runJobs();

        Api.Response gate = owner.post("/api/pipeline-gates", "{\"taskToken\": \"token-1\", \"modelPackageArn\": \"" + arn
                + "\"}");
        assertThat(gate.status()).as(gate.body()).isEqualTo(202);
        assertThat(gate.json().path("waiting").asBoolean()).isTrue();
        assertThat(gate.json().path("versionId").asText()).isEqualTo(modelId + ":1");
        JsonNode again = owner.post("/api/pipeline-gates", "{\"taskToken\": \"token-1\", \"modelPackageArn\": \"" + arn
                + "\"}").json();
        assertThat(again.path("id").asText()).as("the same token again is the same gate")
                .isEqualTo(gate.json().path("id").asText());

        String version = modelId + ":1";
        driver.complete(version, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", false, "humanOversight", "HUMAN_DECIDES",
                "personalData", "NONE", "scale", "SMALL"));
        driver.complete(version, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "LOW"));
        driver.complete(version, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        driver.complete(version, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(version, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
        assertThat(gates.open(version)).hasSize(1);
        driver.complete(version, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));

        assertThat(gates.open(version)).isEmpty();
        assertThat(gates.find(gate.json().path("id").asText()).orElseThrow().outcome()).isEqualTo("APPROVED");
        // a gate registered after the decision is answered at once
        JsonNode late = owner.post("/api/pipeline-gates", "{\"taskToken\": \"token-2\", \"modelPackageArn\": \"" + arn
                + "\"}").json();
        assertThat(late.path("waiting").asBoolean()).isFalse();
        assertThat(late.path("outcome").asText()).isEqualTo("APPROVED");
    }

    @Test
    void badGatesAreRefused() {
        Api owner = Api.as(port, "owner", "demo");
        assertThat(owner.post("/api/pipeline-gates", "{\"modelPackageArn\": \"arn:aws:sagemaker:eu-west-1:1:model-package/x/1\"}")
                .invalidFields()).containsExactly("taskToken");
        assertThat(owner.post("/api/pipeline-gates", "{\"taskToken\": \"t\", \"modelPackageArn\": \"arn:aws:sagemaker:eu-west-1:1:model-package/nobody/9\"}")
                .invalidFields()).containsExactly("modelPackageArn");
        assertThat(owner.post("/api/pipeline-gates", "{\"taskToken\": \"t\", \"modelPackageArn\": 3}").invalidFields())
                .containsExactly("modelPackageArn");
        assertThat(Api.as(port, "validator", "demo").post("/api/pipeline-gates",
                "{\"taskToken\": \"t\", \"modelPackageArn\": \"arn:aws:sagemaker:eu-west-1:1:model-package/x/1\"}").status())
                .isEqualTo(403);
    }
}
