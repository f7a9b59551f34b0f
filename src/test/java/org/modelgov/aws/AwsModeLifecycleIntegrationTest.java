package org.modelgov.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modelgov.notification.NotificationRelay;
import org.modelgov.registry.ApprovalStatus;
import org.modelgov.registry.RegistryService;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A whole lifecycle in AWS mode, with WireMock playing SageMaker (JSON 1.1), Step Functions (JSON 1.0) and SNS
 * (query/XML) at the wire level: registry approval, model card calls, SNS publishes and the Step Functions gate,
 * each request checked against the official AWS models; and an AWS error never approves anything.
 *
 * <p>Its own Spring context (AWS mode) with its own in-memory database and engine name, so the shared
 * local-mode context of the other tests is untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "modelgov.integration=aws",
        "modelgov.demo-data=true",
        "modelgov.h2-location=mem:modelgov-aws-test;DB_CLOSE_DELAY=-1",
        "modelgov.demo-data-dir=${java.io.tmpdir}/modelgov-aws-test-demo-data",
        "modelgov.datasets.roots=${java.io.tmpdir}/modelgov-test-datasets,${modelgov.demo-data-dir}",
        "camunda.bpm.process-engine-name=aws-test",
        "camunda.bpm.job-execution.enabled=false",
        "modelgov.aws.region=eu-west-1",
        "modelgov.aws.max-attempts=2",
        "modelgov.aws.api-call-attempt-timeout=PT3S",
        "modelgov.aws.notification-topic-arns=" + AwsModeLifecycleIntegrationTest.TOPIC,
        "modelgov.aws.registry-guard-interval=PT24H",
        "modelgov.aws.pipeline-heartbeat-interval=PT24H",
        // the test runs the outbox relay itself
        "modelgov.notifications.relay-enabled=false"})
class AwsModeLifecycleIntegrationTest {

    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:modelgov-notifications";
    static final String PIPELINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:credit-validation";
    static final String EXECUTION = "arn:aws:states:eu-west-1:123456789012:execution:credit-validation:run-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final WireMockServer AWS = new WireMockServer(options().dynamicPort());

    static {
        AWS.start();
        // the SDK's default credential chain reads these system properties
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @DynamicPropertySource
    static void awsEndpoints(DynamicPropertyRegistry registry) {
        registry.add("modelgov.aws.endpoints.sagemaker", AWS::baseUrl);
        registry.add("modelgov.aws.endpoints.sfn", AWS::baseUrl);
        registry.add("modelgov.aws.endpoints.sns", AWS::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RegistryService registry;
    @Autowired
    NotificationRelay relay;
    @Autowired
    PlatformTransactionManager transactionManager;

    private LifecycleDriver driver;
    private String arn;

    @BeforeEach
    void playAws() {
        driver = new LifecycleDriver(engine);
        AWS.resetAll();
        arn = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/credit-" + UUID.randomUUID().toString()
                .substring(0, 6) + "/1";
        sageMaker("DescribeModelPackage", ok("{\"ModelPackageArn\": \"" + arn + "\", \"ModelPackageName\": \"credit\","
                + " \"ModelPackageDescription\": \"XGBoost credit line model, trained 2026-11\","
                + " \"ModelApprovalStatus\": \"PendingManualApproval\", \"ModelPackageStatus\": \"Completed\","
                + " \"CreationTime\": 1.7E9, \"InferenceSpecification\": {\"Containers\": [{\"Image\":"
                + " \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7\", \"ModelDataUrl\":"
                + " \"s3://models/credit/model.tar.gz\"}], \"SupportedContentTypes\": [\"text/csv\"],"
                + " \"SupportedResponseMIMETypes\": [\"text/csv\"]}, \"CustomerMetadataProperties\": {\"team\":"
                + " \"retail-credit\"}, \"ModelMetrics\": {\"ModelQuality\": {\"Statistics\": {\"ContentType\":"
                + " \"application/json\", \"S3Uri\": \"s3://models/credit/quality.json\"}}}}"));
        AWS.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("SageMaker.DescribeModelPackage"))
                .withRequestBody(containing("model-package/nobody"))
                .willReturn(error(400, "ValidationException", "Model package does not exist")));
        sageMaker("UpdateModelPackage", ok("{\"ModelPackageArn\": \"" + arn + "\"}"));
        // a model card exists once created
        AWS.stubFor(post(urlEqualTo("/")).inScenario("card").whenScenarioStateIs(Scenario.STARTED)
                .withHeader("X-Amz-Target", equalTo("SageMaker.DescribeModelCard"))
                .willReturn(error(400, "ResourceNotFound", "Model card not found")));
        AWS.stubFor(post(urlEqualTo("/")).inScenario("card").whenScenarioStateIs(Scenario.STARTED)
                .withHeader("X-Amz-Target", equalTo("SageMaker.CreateModelCard"))
                .willReturn(ok("{\"ModelCardArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:model-card/c\"}"))
                .willSetStateTo("created"));
        AWS.stubFor(post(urlEqualTo("/")).inScenario("card").whenScenarioStateIs("created")
                .withHeader("X-Amz-Target", equalTo("SageMaker.DescribeModelCard"))
                .willReturn(ok("{\"ModelCardArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:model-card/c\","
                        + " \"ModelCardName\": \"c\", \"ModelCardVersion\": 1, \"Content\": \"{}\","
                        + " \"ModelCardStatus\": \"Draft\", \"CreationTime\": 1.7E9, \"CreatedBy\": {}}")));
        sageMaker("UpdateModelCard", ok("{\"ModelCardArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:model-card/c\"}"));
        AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/"
                        + "2010-03-31/\"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata>"
                        + "<RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>")));
        AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0").withBody(
                        "{\"executionArn\": \"" + EXECUTION + "\", \"startDate\": 1.7E9}")));
        AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.DescribeExecution"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0").withBody(
                        "{\"executionArn\": \"" + EXECUTION + "\", \"stateMachineArn\": \"" + PIPELINE + "\","
                                + " \"status\": \"SUCCEEDED\", \"startDate\": 1.7E9, \"output\": \"{\\\"checks\\\": \\\"green\\\"}\"}")));
        AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.SendTaskSuccess"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
    }

    private static void sageMaker(String operation, ResponseDefinitionBuilder response) {
        AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker." + operation))
                .willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String json) {
        return aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json);
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"" + type + "\", \"message\": \"" + message + "\"}");
    }

    private String registerVersion(Api owner) {
        String modelId = "AWS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Credit line\","
                + " \"purpose\": \"Sets credit lines\"}").status()).isEqualTo(201);
        Api.Response version = owner.post("/api/models/" + modelId + "/versions", """
                {"modelPackageArn": "%s", "evaluationDatasetUri": "%s", "analysisConfigUri": "%s",
                 "validationPipelineArn": "%s", "securityPosture": {"kmsKeyId": "alias/credit"}}""".formatted(arn,
                LifecycleDriver.demoFile("evaluation.csv"), LifecycleDriver.demoFile("analysis-config.json"), PIPELINE));
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        driver.runJobs();
        return modelId;
    }

    private void toSignOff(String versionId) {
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", false, "humanOversight", "HUMAN_DECIDES",
                "personalData", "NONE", "scale", "SMALL"));
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "LOW"));
        // the team's validation pipeline was started; the next poll finds it SUCCEEDED
        String validationRound = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(versionId).processDefinitionKey("ModelValidationProcess").singleResult()
                .getId();
        driver.fireTimer(validationRound, "Timer_PipelinePoll");
        driver.runJobs();
        driver.complete(versionId, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        driver.complete(versionId, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(versionId, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
    }

    @Test
    void aLifecycleInAwsModeApprovesInSageMakerMovesTheCardPublishesToSnsAndAnswersThePipeline() throws Exception {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = registerVersion(owner);
        String versionId = modelId + ":1";
        assertThat(bodies("SageMaker.DescribeModelPackage")).as("registration and the registry entry: one call")
                .hasSize(1);
        assertThat(registry.find(versionId).orElseThrow().approvalStatus())
                .isEqualTo(ApprovalStatus.PendingManualApproval);
        assertThat(owner.post("/api/pipeline-gates", "{\"taskToken\": \"tok-" + modelId + "\", \"modelPackageArn\": \""
                + arn + "\"}").status()).isEqualTo(202);
        toSignOff(versionId);
        driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));

        assertThat(registry.find(versionId).orElseThrow().approvalStatus()).isEqualTo(ApprovalStatus.Approved);
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("APPROVED");

        // the registry's package filled the inventory and is evidence in the audit log
        JsonNode version = owner.get("/api/models/" + modelId + "/versions/1").json();
        assertThat(version.path("description").asText()).isEqualTo("XGBoost credit line model, trained 2026-11");
        assertThat(version.path("artifactUri").asText()).isEqualTo("s3://models/credit/model.tar.gz");
        assertThat(Api.as(port, "compliance", "demo").get("/api/audit?modelId=" + modelId).body())
                .contains("MODEL_PACKAGE_DESCRIBED", "s3://models/credit/quality.json", "xgboost:1.7", "retail-credit");
        Api.Response unknown = owner.post("/api/models/" + modelId + "/versions", "{\"modelPackageArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:model-package/nobody/1\"}");
        assertThat(unknown.invalidFields()).containsExactly("modelPackageArn");
        assertThat(unknown.body()).contains("Model package does not exist");
        assertThat(owner.get("/api/models/" + modelId + "/versions").json()).hasSize(1);

        // SageMaker: approval with the approvers and the case, content and status of the card in separate calls
        List<JsonNode> updates = bodies("SageMaker.UpdateModelPackage");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).path("ModelApprovalStatus").asText()).isEqualTo("Approved");
        assertThat(updates.get(0).path("ApprovalDescription").asText()).contains("approver1", versionId);
        assertThat(bodies("SageMaker.CreateModelCard")).hasSize(1);
        List<JsonNode> cardUpdates = bodies("SageMaker.UpdateModelCard");
        assertThat(cardUpdates).anyMatch(b -> b.path("ModelCardStatus").asText().equals("PendingReview")
                && !b.has("Content"));
        assertThat(cardUpdates).anyMatch(b -> b.path("ModelCardStatus").asText().equals("Approved") && !b.has("Content"));
        for (String operation : List.of("DescribeModelPackage", "UpdateModelPackage", "DescribeModelCard",
                "CreateModelCard", "UpdateModelCard")) {
            for (JsonNode body : bodies("SageMaker." + operation)) {
                // ModelLifeCycle is newer than the service model in shared/aws-models: checked by the adapter's test
                ((ObjectNode) body).remove("ModelLifeCycle");
                assertThat(AwsModelShapes.SAGEMAKER.violations(operation, body)).as(operation + " " + body).isEmpty();
            }
        }

        // Step Functions: the team pipeline was started with an idempotent name and polled to its end
        List<JsonNode> starts = bodies("AWSStepFunctions.StartExecution");
        assertThat(starts).hasSize(1);
        assertThat(starts.get(0).path("stateMachineArn").asText()).isEqualTo(PIPELINE);
        assertThat(starts.get(0).path("name").asText()).startsWith(modelId).contains("validation-1");
        assertThat(AwsModelShapes.STEP_FUNCTIONS.violations("StartExecution", starts.get(0))).isEmpty();
        for (JsonNode describe : bodies("AWSStepFunctions.DescribeExecution")) {
            assertThat(AwsModelShapes.STEP_FUNCTIONS.violations("DescribeExecution", describe)).isEmpty();
        }
        assertThat(Api.as(port, "compliance", "demo").get("/api/audit?modelId=" + modelId).body()).isNotEmpty();

        // Step Functions: the waiting pipeline got the decision
        List<JsonNode> answers = bodies("AWSStepFunctions.SendTaskSuccess");
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).path("taskToken").asText()).isEqualTo("tok-" + modelId);
        assertThat(answers.get(0).path("output").asText()).contains("\"APPROVED\"", versionId);
        assertThat(AwsModelShapes.STEP_FUNCTIONS.violations("SendTaskSuccess", answers.get(0))).isEmpty();

        // SNS: nothing published by the steps themselves; the relay publishes every notification with its attributes
        assertThat(snsPublishes()).isEmpty();
        assertThat(relay.publishDue()).isPositive();
        List<Map<String, String>> publishes = snsPublishes();
        assertThat(publishes).anyMatch(p -> p.getOrDefault("Subject", "").contains(versionId + " is approved"));
        for (Map<String, String> publish : publishes) {
            assertThat(publish).containsEntry("TopicArn", TOPIC).containsKey("Message");
            assertThat(publish).containsValue("eventType");
        }
    }

    @Test
    void anAwsErrorNeverApprovesAndBecomesACockpitIncident() {
        sageMaker("UpdateModelPackage", error(500, "InternalFailure", "SageMaker is having a bad day"));
        Api owner = Api.as(port, "owner", "demo");
        String modelId = registerVersion(owner);
        String versionId = modelId + ":1";
        toSignOff(versionId);
        assertThatThrownBy(() -> driver.complete(versionId, "Task_SignOff", "approver1",
                Map.of("signOffDecision", "APPROVE"))).hasMessageContaining("UpdateModelPackage");

        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(versionId)
                .processDefinitionKey("ModelLifecycleProcess").singleResult().getId();
        Job approve = engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId("Task_ApproveInRegistry").singleResult();
        assertThat(approve.getExceptionMessage()).contains("UpdateModelPackage");
        assertThat(registry.find(versionId).orElseThrow().approvalStatus()).isEqualTo(ApprovalStatus.PendingManualApproval);
        assertThat(owner.get("/api/models/" + modelId + "/versions/1").json().path("status").asText())
                .isNotEqualTo("APPROVED");

        // the retries run out: an incident in Cockpit, still nothing approved
        engine.getManagementService().setJobRetries(approve.getId(), 1);
        assertThatThrownBy(() -> engine.getManagementService().executeJob(approve.getId()))
                .hasMessageContaining("UpdateModelPackage");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(approve.getProcessInstanceId())
                .count()).isEqualTo(1);
        assertThat(registry.find(versionId).orElseThrow().approvalStatus()).isEqualTo(ApprovalStatus.PendingManualApproval);
        assertThat(bodies("AWSStepFunctions.SendTaskSuccess")).isEmpty();
    }

    @Test
    void aStepThatRollsBackPublishesNothingAndOneThatCommitsIsPublishedByTheRelay() {
        String rolledBack = "ROLLBACK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String committed = "COMMIT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TransactionTemplate step = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> step.executeWithoutResult(status -> {
            // its first task is announced in this transaction
            engine.getRuntimeService().startProcessInstanceByKey("InventoryAttestationProcess", rolledBack);
            throw new IllegalStateException("a later call of the same step fails");
        })).isInstanceOf(IllegalStateException.class);
        step.executeWithoutResult(status -> engine.getRuntimeService()
                .startProcessInstanceByKey("InventoryAttestationProcess", committed));
        assertThat(snsPublishes()).as("the steps publish nothing themselves").isEmpty();

        relay.publishDue();

        assertThat(snsPublishes()).anyMatch(p -> p.getOrDefault("Subject", "").contains(committed))
                .noneMatch(p -> p.getOrDefault("Subject", "").contains(rolledBack));
        // the local-mode tests may share this database (PostgreSQL in CI): leave no owner task behind
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(committed).list()
                .forEach(i -> engine.getRuntimeService().deleteProcessInstance(i.getId(), "test finished"));
    }

    @Test
    void anOutOfBandApprovalEventIsRevertedAndRaisesAnIncident() {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = registerVersion(owner);
        Api admin = Api.as(port, "admin", "demo");
        String event = "{\"source\": \"aws.sagemaker\", \"detail-type\": \"SageMaker Model Package State Change\","
                + " \"detail\": {\"ModelPackageArn\": \"" + arn + "\", \"ModelApprovalStatus\": \"Approved\"}}";
        assertThat(owner.post("/api/events/sagemaker", event).status()).as("only administrators deliver events")
                .isEqualTo(403);
        assertThat(admin.post("/api/events/sagemaker", "{\"detail-type\": \"SageMaker Model Package State Change\","
                + " \"detail\": {}}").invalidFields()).containsExactly("detail.ModelPackageArn");
        assertThat(admin.post("/api/events/sagemaker", "{\"detail-type\": \"EC2 Instance State-change\"}").json()
                .path("handled").asBoolean()).isFalse();

        Api.Response handled = admin.post("/api/events/sagemaker", event);
        assertThat(handled.status()).isEqualTo(202);
        assertThat(handled.json().path("reverted").asBoolean()).isTrue();
        List<JsonNode> reverts = bodies("SageMaker.UpdateModelPackage");
        assertThat(reverts).hasSize(1);
        assertThat(reverts.get(0).path("ModelApprovalStatus").asText()).isEqualTo("PendingManualApproval");
        assertThat(AwsModelShapes.SAGEMAKER.violations("UpdateModelPackage", reverts.get(0))).isEmpty();
        // the same event again (EventBridge delivers at least once) is one incident with two occurrences
        assertThat(admin.post("/api/events/sagemaker", event).status()).isEqualTo(202);
        JsonNode incidents = owner.get("/api/incidents?modelId=" + modelId).json();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("type").asText()).isEqualTo("SECURITY");
        assertThat(incidents.get(0).path("occurrences").asInt()).isEqualTo(2);
        assertThat(registry.find(modelId + ":1").orElseThrow().approvalStatus())
                .isEqualTo(ApprovalStatus.PendingManualApproval);
    }

    /**
     * The fault matrix of the approval: each call of each step fails (500, throttling, or no answer in time) on
     * every attempt of one job run, then works; the jobs are retried until the lifecycle is through. The end
     * state in ModelGov and in "AWS" is the state without a fault, and no call with a side effect was ever made
     * with a different effect.
     */
    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("approvalFaults")
    void anyFailingCallOfTheApprovalEndsInTheSameStateOnceRetried(String target, String fault) throws Exception {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = registerVersion(owner);
        String versionId = modelId + ":1";
        assertThat(owner.post("/api/pipeline-gates", "{\"taskToken\": \"tok-" + modelId + "\", \"modelPackageArn\": \""
                + arn + "\"}").status()).isEqualTo(202);
        toSignOff(versionId);
        failTwiceThenWork(target, fault);
        try {
            driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        } catch (RuntimeException expected) {
            // the faulty step failed; its job is retried below
        }
        if (!registry.approvedByModelGov(versionId)) {
            throw new AssertionError("the approval decision must be kept before any call to AWS");
        }
        // SageMaker reports the package approved while ModelGov is still carrying the approval out: not out of band
        Api.Response event = Api.as(port, "admin", "demo").post("/api/events/sagemaker", "{\"source\":"
                + " \"aws.sagemaker\", \"detail-type\": \"SageMaker Model Package State Change\", \"detail\":"
                + " {\"ModelPackageArn\": \"" + arn + "\", \"ModelApprovalStatus\": \"Approved\"}}");
        assertThat(event.json().path("reverted").asBoolean()).as(event.body()).isFalse();
        retryJobsUntilDone(versionId);

        assertThat(registry.find(versionId).orElseThrow().approvalStatus()).isEqualTo(ApprovalStatus.Approved);
        assertThat(owner.get("/api/models/" + modelId + "/versions/1").json().path("status").asText())
                .isEqualTo("APPROVED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(versionId)
                .activityIdIn("Gateway_AwaitReview").count()).as("in production, waiting for its review").isEqualTo(1);
        // every approval sent to SageMaker is the same one, never a revert; the card became Approved
        List<JsonNode> approvals = bodies("SageMaker.UpdateModelPackage");
        assertThat(approvals).isNotEmpty().allMatch(b -> b.path("ModelApprovalStatus").asText().equals("Approved")
                && b.path("ApprovalDescription").equals(approvals.get(0).path("ApprovalDescription")));
        assertThat(bodies("SageMaker.UpdateModelCard"))
                .anyMatch(b -> b.path("ModelCardStatus").asText().equals("Approved"));
        // the waiting pipeline got one answer: every SendTaskSuccess carried the same decision
        List<JsonNode> answers = bodies("AWSStepFunctions.SendTaskSuccess");
        assertThat(answers).isNotEmpty().allMatch(a -> a.equals(answers.get(0)));
        assertThat(owner.get("/api/incidents?modelId=" + modelId).json()).as("no out-of-band alarm").isEmpty();
    }

    /** The same for a refused sign-off: the rejection reaches the registry, the card and the pipeline once. */
    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("rejectionFaults")
    void anyFailingCallOfTheRejectionEndsInTheSameStateOnceRetried(String target, String fault) {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = registerVersion(owner);
        String versionId = modelId + ":1";
        assertThat(owner.post("/api/pipeline-gates", "{\"taskToken\": \"tok-" + modelId + "\", \"modelPackageArn\": \""
                + arn + "\"}").status()).isEqualTo(202);
        toSignOff(versionId);
        AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.SendTaskFailure"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
        failTwiceThenWork(target, fault);
        try {
            driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "REJECT",
                    "signOffRefusalReason", "The fallback plan is missing"));
        } catch (RuntimeException expected) {
            // the faulty step failed; its job is retried below
        }
        retryJobsUntilDone(versionId);

        assertThat(registry.find(versionId).orElseThrow().approvalStatus()).isEqualTo(ApprovalStatus.Rejected);
        assertThat(owner.get("/api/models/" + modelId + "/versions/1").json().path("status").asText())
                .isEqualTo("REJECTED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(versionId)
                .processDefinitionKey("ModelLifecycleProcess").count()).as("the lifecycle ended").isZero();
        List<JsonNode> rejections = bodies("SageMaker.UpdateModelPackage");
        assertThat(rejections).isNotEmpty().allMatch(b -> b.path("ModelApprovalStatus").asText().equals("Rejected")
                && b.path("ApprovalDescription").equals(rejections.get(0).path("ApprovalDescription")));
        assertThat(rejections.get(0).path("ApprovalDescription").asText()).contains("fallback plan");
        assertThat(bodies("SageMaker.UpdateModelCard")).anyMatch(b -> b.path("ModelCardStatus").asText()
                .equals("Archived"));
        List<JsonNode> failures = bodies("AWSStepFunctions.SendTaskFailure");
        assertThat(failures).isNotEmpty().allMatch(f -> f.equals(failures.get(0)));
        assertThat(bodies("AWSStepFunctions.SendTaskSuccess")).as("never approved").isEmpty();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> rejectionFaults() {
        List<org.junit.jupiter.params.provider.Arguments> faults = new ArrayList<>();
        for (String target : List.of("SageMaker.UpdateModelPackage", "SageMaker.UpdateModelCard",
                "AWSStepFunctions.SendTaskFailure")) {
            for (String fault : List.of("500", "throttling", "timeout")) {
                faults.add(org.junit.jupiter.params.provider.Arguments.of(target, fault));
            }
        }
        return faults.stream();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> approvalFaults() {
        List<org.junit.jupiter.params.provider.Arguments> faults = new ArrayList<>();
        for (String target : List.of("SageMaker.DescribeModelPackage", "SageMaker.UpdateModelPackage",
                "SageMaker.DescribeModelCard", "SageMaker.UpdateModelCard", "AWSStepFunctions.SendTaskSuccess")) {
            for (String fault : List.of("500", "throttling", "timeout")) {
                faults.add(org.junit.jupiter.params.provider.Arguments.of(target, fault));
            }
        }
        // the answer got through but its reply was lost: Step Functions refuses the retried answer
        faults.add(org.junit.jupiter.params.provider.Arguments.of("AWSStepFunctions.SendTaskSuccess", "answer lost"));
        return faults.stream();
    }

    /** The call fails on both SDK attempts of one job run (so the job fails and is retried), then works. */
    private static void failTwiceThenWork(String target, String fault) {
        String scenario = "fault-" + target;
        if (fault.equals("answer lost")) {
            AWS.stubFor(post(urlEqualTo("/")).atPriority(1).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                    .withHeader("X-Amz-Target", equalTo(target)).willReturn(ok("{}").withFixedDelay(4000))
                    .willSetStateTo("answered"));
            AWS.stubFor(post(urlEqualTo("/")).atPriority(1).inScenario(scenario).whenScenarioStateIs("answered")
                    .withHeader("X-Amz-Target", equalTo(target)).willReturn(aResponse().withStatus(400)
                            .withHeader("Content-Type", "application/x-amz-json-1.0")
                            .withBody("{\"__type\": \"TaskTimedOut\", \"message\": \"Task Timed Out\"}")));
            return;
        }
        ResponseDefinitionBuilder failure = switch (fault) {
            case "500" -> error(500, "InternalFailure", "try again");
            case "throttling" -> error(400, "ThrottlingException", "Rate exceeded");
            // longer than the attempt timeout: whether or not it took effect, the caller does not know
            default -> ok("{}").withFixedDelay(4000);
        };
        AWS.stubFor(post(urlEqualTo("/")).atPriority(1).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .withHeader("X-Amz-Target", equalTo(target)).willReturn(failure).willSetStateTo("failed once"));
        AWS.stubFor(post(urlEqualTo("/")).atPriority(1).inScenario(scenario).whenScenarioStateIs("failed once")
                .withHeader("X-Amz-Target", equalTo(target)).willReturn(failure).willSetStateTo("works"));
    }

    /** Runs every asynchronous step of the version's processes, failed ones too, until none is left. */
    private void retryJobsUntilDone(String versionId) {
        var management = engine.getManagementService();
        for (int round = 0; round < 30; round++) {
            List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(versionId).list().stream().map(i -> i.getId()).toList();
            List<Job> jobs = instances.stream().flatMap(i -> management.createJobQuery().processInstanceId(i)
                    .messages().withRetriesLeft().list().stream()).toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failedAgain) {
                    // retried in the next round, as the job executor would after the retry interval
                }
            }
        }
        throw new AssertionError("the lifecycle's steps did not come through");
    }

    private static List<JsonNode> bodies(String target) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : AWS.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)))) {
            try {
                bodies.add(JSON.readTree(request.getBodyAsString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return bodies;
    }

    /** SNS query-protocol form bodies as parameter maps. */
    private static List<Map<String, String>> snsPublishes() {
        List<Map<String, String>> publishes = new ArrayList<>();
        for (LoggedRequest request : AWS.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Publish")))) {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            for (String pair : request.getBodyAsString().split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            publishes.add(params);
        }
        return publishes;
    }
}
