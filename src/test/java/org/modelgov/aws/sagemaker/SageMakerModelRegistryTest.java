package org.modelgov.aws.sagemaker;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.modelgov.aws.sagemaker.RegistryWire.call;
import static org.modelgov.aws.sagemaker.RegistryWire.error;
import static org.modelgov.aws.sagemaker.RegistryWire.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.inventory.ModelRepository;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.VersionStatus;
import org.modelgov.registry.ApprovalStatus;
import org.modelgov.registry.RegistryEntry;

/** The SageMaker model registry adapter against WireMock playing SageMaker, with the registry table in H2. */
class SageMakerModelRegistryTest {

    private static final String VERSION = "CREDIT-SCORE-002:3";
    private static final String LOCAL_ONLY = "CREDIT-SCORE-002:4";
    private static final String ARN = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/credit-score/3";
    private static final String APPROVED_BY = "Approved by anna.validator, ben.risk (ModelGov case " + VERSION
            + ", validation round run-7)";

    private RegistryWire sageMaker;
    private H2Tables db;
    private SageMakerModelRegistry registry;

    @BeforeEach
    void setUp() {
        sageMaker = new RegistryWire();
        db = new H2Tables("registry_entry");
        ModelRepository models = mock(ModelRepository.class);
        when(models.version(VERSION)).thenReturn(Optional.of(version(VERSION, ARN)));
        when(models.version(LOCAL_ONLY)).thenReturn(Optional.of(version(LOCAL_ONLY, null)));
        registry = new SageMakerModelRegistry(sageMaker.client, models, db.jdbc,
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        sageMaker.close();
        db.close();
    }

    @Test
    void registeringAPackageRecordsItsCurrentSageMakerStatusLocally() {
        packageIs("PendingManualApproval", null, null);

        registry.registerPending(VERSION, ARN);
        registry.registerPending(VERSION, ARN); // known now: SageMaker is not asked again

        assertThat(sageMaker.operations()).containsExactly("DescribeModelPackage");
        assertThat(sageMaker.sent().get(0).body().get("ModelPackageName").asText()).isEqualTo(ARN);
        assertThat(registry.find(VERSION)).get().extracting(RegistryEntry::approvalStatus, RegistryEntry::stage,
                RegistryEntry::stageStatus).containsExactly(ApprovalStatus.PendingManualApproval, "Development",
                "PendingApproval");
        sageMaker.assertEverythingSentFitsTheAwsModel();
    }

    @Test
    void registeringAPackageThatDoesNotExistFailsNamingTheArn() {
        sageMaker.server.stubFor(call("DescribeModelPackage").willReturn(error(400, "ValidationException",
                "ModelPackage " + ARN + " does not exist.")));

        assertThatThrownBy(() -> registry.registerPending(VERSION, ARN))
                .isInstanceOf(SageMakerCallFailed.class)
                .hasMessageContaining("Model package " + ARN + " of " + VERSION + " does not exist in SageMaker")
                .hasMessageContaining("ValidationException");
        assertThat(registry.find(VERSION)).isEmpty();
    }

    @Test
    void approvingSendsApprovedWithTheApproversAndTheLifeCycleStage() {
        registered();

        registry.setStatus(VERSION, ApprovalStatus.Approved, APPROVED_BY, "Production", "Approved");

        assertThat(sageMaker.operations()).containsExactly("DescribeModelPackage", "DescribeModelPackage",
                "UpdateModelPackage");
        JsonNode update = sageMaker.sent("UpdateModelPackage").get(0).body();
        assertThat(update.get("ModelPackageArn").asText()).isEqualTo(ARN);
        assertThat(update.get("ModelApprovalStatus").asText()).isEqualTo("Approved");
        assertThat(update.get("ApprovalDescription").asText()).isEqualTo(APPROVED_BY)
                .contains("anna.validator", "ben.risk");
        assertThat(update.get("ModelLifeCycle").get("Stage").asText()).isEqualTo("Production");
        assertThat(update.get("ModelLifeCycle").get("StageStatus").asText()).isEqualTo("Approved");
        assertThat(update.get("ModelLifeCycle").get("StageDescription").asText()).isEqualTo(APPROVED_BY);
        sageMaker.assertEverythingSentFitsTheAwsModel();
        assertThat(registry.find(VERSION)).get().extracting(RegistryEntry::approvalStatus,
                        RegistryEntry::approvalDescription, RegistryEntry::stage, RegistryEntry::stageStatus)
                .containsExactly(ApprovalStatus.Approved, APPROVED_BY, "Production", "Approved");
    }

    @Test
    void aRetriedApprovalOfAPackageAlreadyApprovedSendsNoSecondUpdate() {
        registered();
        sageMaker.server.resetAll();
        packageIs("Approved", APPROVED_BY, Map.of("Stage", "Production", "StageStatus", "Approved",
                "StageDescription", APPROVED_BY));

        registry.setStatus(VERSION, ApprovalStatus.Approved, APPROVED_BY, "Production", "Approved");

        assertThat(sageMaker.operations()).containsExactly("DescribeModelPackage");
        assertThat(registry.find(VERSION)).get().extracting(RegistryEntry::approvalStatus)
                .isEqualTo(ApprovalStatus.Approved);
    }

    @Test
    void rejectingSendsRejected() {
        registered();

        registry.setStatus(VERSION, ApprovalStatus.Rejected, "Rejected: disparate impact 0.71 below 0.8",
                "Rejected", "Rejected");

        JsonNode update = sageMaker.sent("UpdateModelPackage").get(0).body();
        assertThat(update.get("ModelApprovalStatus").asText()).isEqualTo("Rejected");
        assertThat(update.get("ApprovalDescription").asText()).isEqualTo("Rejected: disparate impact 0.71 below 0.8");
        assertThat(update.get("ModelLifeCycle").get("Stage").asText()).isEqualTo("Rejected");
        sageMaker.assertEverythingSentFitsTheAwsModel();
        assertThat(registry.find(VERSION)).get().extracting(RegistryEntry::approvalStatus)
                .isEqualTo(ApprovalStatus.Rejected);
    }

    @Test
    void aLongDescriptionIsCutToSageMakersLimitAndStageWordsAreMadeValidNames() {
        registered();
        String longDescription = "Approved by " + "a-very-long-reviewer-name, ".repeat(60);

        registry.setStatus(VERSION, ApprovalStatus.Approved, longDescription, "Pre production", "Awaiting deploy!");

        JsonNode update = sageMaker.sent("UpdateModelPackage").get(0).body();
        assertThat(update.get("ApprovalDescription").asText()).hasSize(1024).endsWith("…");
        assertThat(update.get("ModelLifeCycle").get("Stage").asText()).isEqualTo("Pre-production");
        assertThat(update.get("ModelLifeCycle").get("StageStatus").asText()).isEqualTo("Awaiting-deploy");
        sageMaker.assertEverythingSentFitsTheAwsModel();
    }

    @Test
    void aValidationExceptionFailsWithAwsMessageAndLeavesTheLocalRowAsItWas() {
        registered();
        RegistryEntry before = registry.find(VERSION).orElseThrow();
        sageMaker.server.stubFor(call("UpdateModelPackage").willReturn(error(400, "ValidationException",
                "1 validation error detected: Value at 'modelLifeCycle.stage' failed to satisfy constraint")));

        assertThatThrownBy(() -> registry.setStatus(VERSION, ApprovalStatus.Approved, APPROVED_BY, "Production",
                "Approved"))
                .isInstanceOf(SageMakerCallFailed.class)
                .hasMessageContaining("UpdateModelPackage")
                .hasMessageContaining(VERSION)
                .hasMessageContaining(ARN)
                .hasMessageContaining("ValidationException: 1 validation error detected: Value at"
                        + " 'modelLifeCycle.stage' failed to satisfy constraint");
        assertThat(sageMaker.sent("UpdateModelPackage")).hasSize(1); // a client error is not retried
        assertThat(registry.find(VERSION)).contains(before);
    }

    @Test
    void throttlingIsRetriedByTheSdkAndThenSucceeds() {
        registered();
        sageMaker.server.stubFor(call("UpdateModelPackage").inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(error(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("calm"));
        sageMaker.server.stubFor(call("UpdateModelPackage").inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(ok("{\"ModelPackageArn\": \"" + ARN + "\"}")));

        registry.setStatus(VERSION, ApprovalStatus.Approved, APPROVED_BY, "Production", "Approved");

        assertThat(sageMaker.sent("UpdateModelPackage")).hasSize(2);
        sageMaker.assertEverythingSentFitsTheAwsModel();
        assertThat(registry.find(VERSION)).get().extracting(RegistryEntry::approvalStatus)
                .isEqualTo(ApprovalStatus.Approved);
    }

    @Test
    void aServerErrorOnEveryAttemptFailsAndLeavesTheLocalRowAsItWas() {
        registered();
        RegistryEntry before = registry.find(VERSION).orElseThrow();
        sageMaker.server.stubFor(call("UpdateModelPackage").willReturn(error(500, "InternalFailure",
                "We encountered an internal error. Please try again.")));

        assertThatThrownBy(() -> registry.setStatus(VERSION, ApprovalStatus.Approved, APPROVED_BY, "Production",
                "Approved"))
                .isInstanceOf(SageMakerCallFailed.class)
                .hasMessageContaining("UpdateModelPackage")
                .hasMessageContaining("HTTP 500");
        assertThat(sageMaker.sent("UpdateModelPackage")).hasSize(3);
        assertThat(registry.find(VERSION)).contains(before);
    }

    @Test
    void aReadTimeoutOnEveryAttemptFailsAndLeavesTheLocalRowAsItWas() {
        registered();
        RegistryEntry before = registry.find(VERSION).orElseThrow();
        sageMaker.server.stubFor(call("UpdateModelPackage").willReturn(ok("{\"ModelPackageArn\": \"" + ARN + "\"}")
                .withFixedDelay((int) RegistryWire.ATTEMPT_TIMEOUT.toMillis() * 2)));

        assertThatThrownBy(() -> registry.setStatus(VERSION, ApprovalStatus.Approved, APPROVED_BY, "Production",
                "Approved"))
                .isInstanceOf(SageMakerCallFailed.class)
                .hasMessageContaining("UpdateModelPackage")
                .hasMessageContaining("Timeout");
        assertThat(registry.find(VERSION)).contains(before);
    }

    @Test
    void aVersionWithoutPackageArnIsKeptInTheLocalTableOnly() {
        registry.registerPending(LOCAL_ONLY, null);
        registry.setStatus(LOCAL_ONLY, ApprovalStatus.Approved, APPROVED_BY, "Production", "Approved");

        assertThat(sageMaker.sent()).isEmpty();
        assertThat(registry.find(LOCAL_ONLY)).get().extracting(RegistryEntry::approvalStatus,
                RegistryEntry::approvalDescription).containsExactly(ApprovalStatus.Approved, APPROVED_BY);
    }

    /** The version is registered while its package is pending, and the package accepts updates. */
    private void registered() {
        packageIs("PendingManualApproval", null, null);
        sageMaker.server.stubFor(call("UpdateModelPackage").atPriority(10)
                .willReturn(ok("{\"ModelPackageArn\": \"" + ARN + "\"}")));
        registry.registerPending(VERSION, ARN);
    }

    private void packageIs(String approvalStatus, String description, Map<String, String> lifeCycle) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ModelPackageName", "credit-score");
        body.put("ModelPackageGroupName", "credit-score");
        body.put("ModelPackageVersion", 3);
        body.put("ModelPackageArn", ARN);
        body.put("CreationTime", 1.77E9);
        body.put("ModelPackageStatus", "Completed");
        body.put("ModelPackageStatusDetails", Map.of("ValidationStatuses", java.util.List.of()));
        body.put("ModelApprovalStatus", approvalStatus);
        if (description != null) {
            body.put("ApprovalDescription", description);
        }
        if (lifeCycle != null) {
            body.put("ModelLifeCycle", lifeCycle);
        }
        sageMaker.server.stubFor(call("DescribeModelPackage").willReturn(ok(RegistryWire.json(body))));
    }

    private static ModelVersion version(String id, String arn) {
        return new ModelVersion(id, ModelVersion.modelIdOf(id), Integer.parseInt(id.substring(id.indexOf(':') + 1)),
                "v" + id.substring(id.indexOf(':') + 1), null, arn, null, null, null, VersionStatus.values()[0],
                "owner", Instant.parse("2026-03-01T10:00:00Z"));
    }
}
