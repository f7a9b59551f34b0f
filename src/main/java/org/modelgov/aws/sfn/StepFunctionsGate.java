package org.modelgov.aws.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modelgov.common.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Starts and follows AWS Step Functions pipelines, and answers a pipeline that waits on ModelGov's decision
 * through a task token ({@code .waitForTaskToken}).
 *
 * <p>Starting is idempotent per business key: the execution name is derived from it, so a retried job that
 * starts the same pipeline again gets the execution that already exists (for standard workflows; express
 * workflows do not deduplicate by name).
 */
public class StepFunctionsGate {

    private static final Logger log = LoggerFactory.getLogger(StepFunctionsGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** arn:partition:states:region:account:stateMachine:name[:version or alias] */
    private static final Pattern STATE_MACHINE_ARN = Pattern.compile(
            "(arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}):stateMachine:([^:\\s]{1,80})(:[^:\\s]+)?");
    static final int NAME_MAX = 80;
    private static final int HASH_LENGTH = 16;
    static final int ERROR_MAX = 256;
    static final int CAUSE_MAX = 32_768;
    /** Execution input and task output: 256 KiB of UTF-8. */
    static final int PAYLOAD_MAX_BYTES = 262_144;

    /** An execution's status, as DescribeExecution reports it. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE }

    /** What a pipeline execution is doing; {@code output} is set when it succeeded, {@code error}/{@code cause} when not. */
    public record Execution(String executionArn, Status status, String output, String error, String cause) {
    }

    private final SfnClient sfn;

    public StepFunctionsGate(SfnClient sfn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
    }

    /**
     * Starts {@code stateMachineArn} for {@code businessKey} with {@code inputJson} (null: no input) and answers the
     * execution ARN. Starting the same business key with the same input again answers the existing execution;
     * with a different input it is refused ({@link ExecutionConflictException}).
     */
    public String startExecution(String stateMachineArn, String businessKey, String inputJson) {
        Matcher arn = stateMachineArn(stateMachineArn);
        String name = executionName(businessKey);
        JsonNode input = inputJson == null ? null : json("inputJson", inputJson);
        try {
            String executionArn = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name)
                    .input(inputJson)).executionArn();
            log.info("Started {} for {} as {}", stateMachineArn, businessKey, executionArn);
            return executionArn;
        } catch (ExecutionAlreadyExistsException e) {
            String existing = arn.group(1) + ":execution:" + arn.group(2) + ":" + name;
            DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(existing));
            if (described.input() != null && !Objects.equals(orEmpty(input), orEmpty(json("input", described.input())))) {
                throw new ExecutionConflictException("Step Functions already has an execution named " + name
                        + " of " + stateMachineArn + " (for " + businessKey + ") with a different input: finish or"
                        + " retire that run under another business key instead of starting it again", e);
            }
            log.info("{} for {} already started as {}", stateMachineArn, businessKey, existing);
            return existing;
        }
    }

    /** The status and result of an execution. */
    public Execution describe(String executionArn) {
        DescribeExecutionResponse response = sfn.describeExecution(b -> b.executionArn(executionArn));
        Status status;
        try {
            status = Status.valueOf(response.statusAsString());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("Step Functions reports execution " + executionArn
                    + " in a status ModelGov does not know: " + response.statusAsString(), e);
        }
        return new Execution(response.executionArn(), status, response.output(), response.error(), response.cause());
    }

    /** Lets a pipeline waiting on ModelGov go on with {@code decisionJson} as the waiting state's output. */
    public void sendSuccess(String taskToken, String decisionJson) {
        requireToken(taskToken);
        json("decisionJson", Objects.requireNonNull(decisionJson, "decisionJson"));
        try {
            sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(decisionJson));
        } catch (TaskTimedOutException | InvalidTokenException | TaskDoesNotExistException e) {
            throw rejected(e);
        }
    }

    /** Fails the waiting state of a pipeline; {@code error} and {@code cause} are cut to what Step Functions takes. */
    public void sendFailure(String taskToken, String error, String cause) {
        requireToken(taskToken);
        try {
            sfn.sendTaskFailure(b -> b.taskToken(taskToken).error(cut(error, ERROR_MAX)).cause(cut(cause, CAUSE_MAX)));
        } catch (TaskTimedOutException | InvalidTokenException | TaskDoesNotExistException e) {
            throw rejected(e);
        }
    }

    /** Tells a pipeline waiting on ModelGov (with a HeartbeatSeconds) that the decision is still being made. */
    public void heartbeat(String taskToken) {
        requireToken(taskToken);
        try {
            sfn.sendTaskHeartbeat(b -> b.taskToken(taskToken));
        } catch (TaskTimedOutException | InvalidTokenException | TaskDoesNotExistException e) {
            throw rejected(e);
        }
    }

    /**
     * The execution name of a business key: 1–80 letters, digits, {@code -} and {@code _}. A model version id reads
     * as itself ({@code CUST-CHURN-001:3} → {@code CUST-CHURN-001-v3}); a key that cannot be mapped one to one, or
     * is too long, keeps a readable prefix and ends with a hash of the whole key, so two keys never share a name.
     */
    public static String executionName(String businessKey) {
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalArgumentException("businessKey: a pipeline is started for a business key, none given");
        }
        StringBuilder name = new StringBuilder();
        boolean oneToOne = !businessKey.contains("-v");
        for (char c : businessKey.toCharArray()) {
            if (c == ':') {
                name.append("-v");
            } else if (c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                name.append(c);
            } else {
                name.append('_');
                oneToOne = false;
            }
        }
        if (oneToOne && name.length() <= NAME_MAX) {
            return name.toString();
        }
        String prefix = name.substring(0, Math.min(name.length(), NAME_MAX - HASH_LENGTH - 1));
        return prefix + "-" + Sha256.hex(businessKey).substring(0, HASH_LENGTH);
    }

    private static Matcher stateMachineArn(String arn) {
        Matcher matcher = STATE_MACHINE_ARN.matcher(arn == null ? "" : arn);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + arn + "' is not a Step Functions state machine ARN;"
                    + " expected arn:aws:states:<region>:<account id>:stateMachine:<name>");
        }
        return matcher;
    }

    private static JsonNode json(String what, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_MAX_BYTES) {
            throw new IllegalArgumentException(what + ": Step Functions takes at most 256 KiB; pass a reference"
                    + " (e.g. an S3 URI) instead of the content");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static JsonNode orEmpty(JsonNode input) {
        return input == null || input.isMissingNode() ? JSON.createObjectNode() : input;
    }

    private static void requireToken(String taskToken) {
        if (taskToken == null || taskToken.isBlank()) {
            throw new IllegalArgumentException("taskToken: the pipeline's task token is missing");
        }
    }

    private static TaskTokenRejectedException rejected(SfnException e) {
        String why = e instanceof TaskTimedOutException ? "the waiting step timed out or was already answered"
                : e instanceof InvalidTokenException ? "the token is not a valid task token"
                : "the task no longer exists";
        return new TaskTokenRejectedException("Step Functions refused the task token: " + why
                + " (" + (e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode())
                + "); the pipeline has to be started again", e);
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
