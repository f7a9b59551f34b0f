package org.modelgov.aws.sfn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modelgov.aws.AwsModelShapes;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Every request the gate sends fits the official Step Functions model; starting is idempotent per business key. */
class StepFunctionsGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:model-validation";
    private static final String EXECUTION = "arn:aws:states:eu-west-1:123456789012:execution:model-validation:";
    private static final String INPUT = "{\"modelVersionId\":\"CUST-CHURN-001:3\",\"datasetUri\":\"s3://bucket/eval.csv\"}";
    private static final String TOKEN = "AQB8AAAAKgAAAAMAAAAAAAAAAR" + "x".repeat(200);

    @RegisterExtension
    static WireMockExtension sfnApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SfnClient client = SfnClient.builder()
            .endpointOverride(URI.create(sfnApi.baseUrl()))
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
            .build();
    private final StepFunctionsGate gate = new StepFunctionsGate(client);

    @AfterEach
    void close() {
        client.close();
    }

    private static void answer(String operation, int status, String body) {
        sfnApi.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody(body)));
    }

    private static String error(String code, String message) {
        return "{\"__type\":\"com.amazonaws.swf.service.v2.model#" + code + "\",\"message\":\"" + message + "\"}";
    }

    /** The bodies of the requests for {@code operation}, each checked against the model first. */
    private static List<ObjectNode> sent(String operation) {
        List<LoggedRequest> requests = sfnApi.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation)));
        return requests.stream().map(request -> {
            assertThat(request.getHeader("Content-Type")).startsWith("application/x-amz-json-1.0");
            assertThat(AwsModelShapes.STEP_FUNCTIONS.violations(operation, request.getBodyAsString())).isEmpty();
            try {
                return (ObjectNode) JSON.readTree(request.getBodyAsString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void startingAPipelineNamesTheExecutionAfterTheBusinessKeyAndPassesTheInput() {
        answer("StartExecution", 200, "{\"executionArn\":\"" + EXECUTION + "CUST-CHURN-001-v3\",\"startDate\":1.7E9}");

        String arn = gate.startExecution(MACHINE, "CUST-CHURN-001:3", INPUT);

        assertThat(arn).isEqualTo(EXECUTION + "CUST-CHURN-001-v3");
        ObjectNode start = sent("StartExecution").get(0);
        assertThat(start.path("stateMachineArn").asText()).isEqualTo(MACHINE);
        assertThat(start.path("name").asText()).isEqualTo("CUST-CHURN-001-v3");
        assertThat(start.path("input").asText()).isEqualTo(INPUT);
    }

    @Test
    void startingAgainWithTheSameInputAnswersTheExecutionThatAlreadyExists() {
        answer("StartExecution", 400, error("ExecutionAlreadyExists", "Execution Already Exists"));
        answer("DescribeExecution", 200, "{\"executionArn\":\"" + EXECUTION + "CUST-CHURN-001-v3\",\"stateMachineArn\":\""
                + MACHINE + "\",\"name\":\"CUST-CHURN-001-v3\",\"status\":\"SUCCEEDED\",\"startDate\":1.7E9,"
                + "\"input\":" + JSON.getNodeFactory().textNode("{\"datasetUri\": \"s3://bucket/eval.csv\","
                + " \"modelVersionId\": \"CUST-CHURN-001:3\"}") + "}");

        String arn = gate.startExecution(MACHINE, "CUST-CHURN-001:3", INPUT);

        assertThat(arn).isEqualTo(EXECUTION + "CUST-CHURN-001-v3");
        assertThat(sent("StartExecution")).hasSize(1);
        assertThat(sent("DescribeExecution")).singleElement()
                .satisfies(d -> assertThat(d.path("executionArn").asText()).isEqualTo(arn));
    }

    @Test
    void theExistingExecutionOfAVersionedStateMachineIsNamedAfterTheStateMachineWithoutTheVersion() {
        answer("StartExecution", 400, error("ExecutionAlreadyExists", "Execution Already Exists"));
        answer("DescribeExecution", 200, "{\"executionArn\":\"x\",\"stateMachineArn\":\"" + MACHINE
                + "\",\"status\":\"RUNNING\",\"startDate\":1.7E9,\"input\":\"{}\"}");

        assertThat(gate.startExecution(MACHINE + ":4", "CUST-CHURN-001:3", null))
                .isEqualTo(EXECUTION + "CUST-CHURN-001-v3");
        assertThat(sent("StartExecution").get(0).has("input")).isFalse();
    }

    @Test
    void startingAgainWithADifferentInputIsAConflictNotASuccess() {
        answer("StartExecution", 400, error("ExecutionAlreadyExists", "Execution Already Exists"));
        answer("DescribeExecution", 200, "{\"executionArn\":\"" + EXECUTION + "CUST-CHURN-001-v3\",\"stateMachineArn\":\""
                + MACHINE + "\",\"status\":\"SUCCEEDED\",\"startDate\":1.7E9,\"input\":\"{\\\"modelVersionId\\\":\\\"other\\\"}\"}");

        assertThatThrownBy(() -> gate.startExecution(MACHINE, "CUST-CHURN-001:3", INPUT))
                .isInstanceOf(ExecutionConflictException.class)
                .hasMessageContaining("CUST-CHURN-001-v3").hasMessageContaining("different input");
    }

    @Test
    void aStateMachineArnOrInputThatCannotBeRightIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> gate.startExecution("arn:aws:sns:eu-west-1:123456789012:topic", "K:1", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state machine ARN");
        assertThatThrownBy(() -> gate.startExecution(MACHINE, "K:1", "{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> gate.startExecution(MACHINE, " ", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("businessKey");
        assertThat(sfnApi.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();
    }

    @Test
    void executionNamesFitTheModelAndTwoBusinessKeysNeverShareOne() {
        assertThat(StepFunctionsGate.executionName("CUST-CHURN-001:3")).isEqualTo("CUST-CHURN-001-v3");
        assertThat(StepFunctionsGate.executionName("CUST-CHURN-001:3:revalidation_2"))
                .isEqualTo("CUST-CHURN-001-v3-vrevalidation_2");
        List<String> keys = List.of("CUST-CHURN-001:3", "CUST-CHURN-001-v3", "a b", "a/b", "a.b", "ä",
                "X".repeat(80), "X".repeat(81), "X".repeat(200) + "1", "X".repeat(200) + "2", "incident:7:Überprüfung");
        Set<String> names = new HashSet<>();
        for (String key : keys) {
            String name = StepFunctionsGate.executionName(key);
            assertThat(name).matches("[A-Za-z0-9_-]{1,80}");
            assertThat(AwsModelShapes.STEP_FUNCTIONS.violations("StartExecution",
                    "{\"stateMachineArn\":\"" + MACHINE + "\",\"name\":\"" + name + "\"}")).isEmpty();
            names.add(name);
            assertThat(StepFunctionsGate.executionName(key)).isEqualTo(name);
        }
        assertThat(names).hasSameSizeAs(keys);
    }

    @ParameterizedTest
    @EnumSource(StepFunctionsGate.Status.class)
    void describingAnExecutionAnswersItsStatusAndOutput(StepFunctionsGate.Status status) {
        answer("DescribeExecution", 200, "{\"executionArn\":\"" + EXECUTION + "a\",\"stateMachineArn\":\"" + MACHINE
                + "\",\"status\":\"" + status + "\",\"startDate\":1.7E9,\"output\":\"{\\\"passed\\\":true}\","
                + "\"error\":\"States.Timeout\",\"cause\":\"slow\"}");

        StepFunctionsGate.Execution execution = gate.describe(EXECUTION + "a");

        assertThat(execution.status()).isEqualTo(status);
        assertThat(execution.executionArn()).isEqualTo(EXECUTION + "a");
        assertThat(execution.output()).isEqualTo("{\"passed\":true}");
        assertThat(execution.error()).isEqualTo("States.Timeout");
        assertThat(execution.cause()).isEqualTo("slow");
        assertThat(sent("DescribeExecution").get(0).path("executionArn").asText()).isEqualTo(EXECUTION + "a");
    }

    @Test
    void aDecisionIsSentAsTheWaitingStepsOutput() {
        answer("SendTaskSuccess", 200, "{}");

        gate.sendSuccess(TOKEN, "{\"decision\":\"APPROVED\",\"approvers\":[\"carol\",\"dave\"]}");

        ObjectNode success = sent("SendTaskSuccess").get(0);
        assertThat(success.path("taskToken").asText()).isEqualTo(TOKEN);
        assertThat(success.path("output").asText()).isEqualTo("{\"decision\":\"APPROVED\",\"approvers\":[\"carol\",\"dave\"]}");
    }

    @Test
    void aFailureIsCutToTheLengthsStepFunctionsTakes() {
        answer("SendTaskFailure", 200, "{}");

        gate.sendFailure(TOKEN, "ModelGov.Rejected." + "E".repeat(400), "C".repeat(40_000));
        gate.sendFailure(TOKEN, "ModelGov.Rejected", "The committee rejected CUST-CHURN-001:3");

        List<ObjectNode> failures = sent("SendTaskFailure");
        assertThat(failures.get(0).path("error").asText()).hasSize(256).startsWith("ModelGov.Rejected.");
        assertThat(failures.get(0).path("cause").asText()).hasSize(32_768);
        assertThat(failures.get(1).path("error").asText()).isEqualTo("ModelGov.Rejected");
        assertThat(failures.get(1).path("cause").asText()).isEqualTo("The committee rejected CUST-CHURN-001:3");
    }

    @Test
    void aHeartbeatCarriesOnlyTheToken() {
        answer("SendTaskHeartbeat", 200, "{}");

        gate.heartbeat(TOKEN);

        JsonNode heartbeat = sent("SendTaskHeartbeat").get(0);
        assertThat(heartbeat.properties()).hasSize(1);
        assertThat(heartbeat.path("taskToken").asText()).isEqualTo(TOKEN);
    }

    @Test
    void aTimedOutOrInvalidTokenIsAClearExceptionAndIsNotRetried() {
        answer("SendTaskSuccess", 400, error("TaskTimedOut", "Task Timed Out"));
        answer("SendTaskHeartbeat", 400, error("InvalidToken", "Invalid Token"));
        answer("SendTaskFailure", 400, error("TaskDoesNotExist", "Task does not exist"));

        assertThatThrownBy(() -> gate.sendSuccess(TOKEN, "{}")).isInstanceOf(TaskTokenRejectedException.class)
                .hasMessageContaining("timed out").hasMessageContaining("TaskTimedOut");
        assertThatThrownBy(() -> gate.heartbeat(TOKEN)).isInstanceOf(TaskTokenRejectedException.class)
                .hasMessageContaining("not a valid task token");
        assertThatThrownBy(() -> gate.sendFailure(TOKEN, "e", "c")).isInstanceOf(TaskTokenRejectedException.class)
                .hasMessageContaining("no longer exists");
        assertThat(sent("SendTaskSuccess")).hasSize(1);
        assertThat(sent("SendTaskHeartbeat")).hasSize(1);
    }

    @Test
    void aDecisionThatIsNotJsonIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> gate.sendSuccess(TOKEN, "APPROVED")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decisionJson");
        assertThatThrownBy(() -> gate.heartbeat("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskToken");
        assertThat(sfnApi.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();
    }
}
