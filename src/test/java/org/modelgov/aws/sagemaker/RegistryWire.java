package org.modelgov.aws.sagemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modelgov.aws.AwsModelShapes;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * WireMock playing the SageMaker API at the wire level (JSON 1.1: POST /, {@code X-Amz-Target: SageMaker.<Op>}),
 * an SDK client pointed at it with the standard retry strategy (3 attempts, short back-off) and a short attempt
 * timeout, and what the client sent.
 */
final class RegistryWire implements AutoCloseable {

    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * ModelLifeCycle (Stage, StageStatus required: EntityName; StageDescription: at most 1024 characters) came to
     * UpdateModelPackage after the release of the AWS model in shared/aws-models, so it is checked here against
     * the API reference (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelLifeCycle.html).
     */
    private static final List<String> LIFE_CYCLE_MEMBERS = List.of("Stage", "StageStatus", "StageDescription");

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final SageMakerClient client;

    RegistryWire() {
        server.start();
        client = SageMakerClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(Duration.ofSeconds(20))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(3)
                                .backoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(20)))
                                .throttlingBackoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(20)))
                                .build()))
                .build();
        WireWarmUp.warmUp(server, client);
    }


    static MappingBuilder call(String operation) {
        return post("/").withHeader("X-Amz-Target", equalTo("SageMaker." + operation));
    }

    static ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json);
    }

    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(json(Map.of("__type", type, "message", message)));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request the client sent: the operation (from X-Amz-Target) and its JSON body. */
    record Sent(String operation, JsonNode body) {
    }

    /** What the client sent, oldest first. */
    List<Sent> sent() {
        List<Sent> sent = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            String target = event.getRequest().getHeader("X-Amz-Target");
            try {
                sent.add(0, new Sent(target.substring(target.indexOf('.') + 1),
                        JSON.readTree(event.getRequest().getBodyAsString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sent;
    }

    List<Sent> sent(String operation) {
        return sent().stream().filter(s -> s.operation().equals(operation)).toList();
    }

    List<String> operations() {
        return sent().stream().map(Sent::operation).toList();
    }

    /** Every request sent fits the official AWS model of its operation. */
    void assertEverythingSentFitsTheAwsModel() {
        for (Sent sent : sent()) {
            ObjectNode body = sent.body().deepCopy();
            if (sent.operation().equals("UpdateModelPackage") && body.has("ModelLifeCycle")) {
                assertThat(lifeCycleViolations(body.remove("ModelLifeCycle"))).as("ModelLifeCycle of %s", sent)
                        .isEmpty();
            }
            assertThat(AwsModelShapes.SAGEMAKER.violations(sent.operation(), body)).as("%s", sent).isEmpty();
        }
    }

    private static List<String> lifeCycleViolations(JsonNode lifeCycle) {
        List<String> problems = new ArrayList<>();
        lifeCycle.fieldNames().forEachRemaining(name -> {
            if (!LIFE_CYCLE_MEMBERS.contains(name)) {
                problems.add(name + ": not a member of ModelLifeCycle");
            }
        });
        for (String member : List.of("Stage", "StageStatus")) {
            JsonNode value = lifeCycle.get(member);
            if (value == null || !value.isTextual()) {
                problems.add(member + ": required string");
            } else {
                // EntityName, the shape of both: CreateModelCard's ModelCardName has it in the shared model
                AwsModelShapes.SAGEMAKER.violations("CreateModelCard", JSON.createObjectNode()
                                .put("ModelCardName", value.asText()).put("Content", "{}")
                                .put("ModelCardStatus", "Draft"))
                        .forEach(v -> problems.add(member + ": " + v));
            }
        }
        JsonNode description = lifeCycle.get("StageDescription");
        if (description != null && (!description.isTextual() || description.asText().length() > 1024)) {
            problems.add("StageDescription: a string of at most 1024 characters");
        }
        return problems;
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
