package org.modelgov.aws.sagemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
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
 * SageMaker at the wire level (JSON 1.1: POST /, {@code X-Amz-Target: SageMaker.<Operation>}), and a real SDK
 * client pointed at it with test credentials, three attempts without back-off and a short attempt timeout.
 */
final class SageMakerWire implements AutoCloseable {

    static final int MAX_ATTEMPTS = 3;
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    static final String JSON_1_1 = "application/x-amz-json-1.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final SageMakerClient client;

    SageMakerWire() {
        server.start();
        client = SageMakerClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "test")))
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(Duration.ofSeconds(20))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                                .build()))
                .build();
        WireWarmUp.warmUp(server, client);
    }


    static MappingBuilder call(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker." + operation));
    }

    static ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_1).withBody(json);
    }

    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_1_1)
                .withBody("{\"__type\": \"" + type + "\", \"message\": \"" + message + "\"}");
    }

    void answer(String operation, String json) {
        server.stubFor(call(operation).willReturn(ok(json)));
    }

    void fail(String operation, int status, String type, String message) {
        server.stubFor(call(operation).willReturn(error(status, type, message)));
    }

    /** The bodies of every {@code operation} request received, in order. */
    List<JsonNode> requests(String operation) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("SageMaker." + operation))).stream()
                .map(SageMakerWire::body).toList();
    }

    /** The operations received, in order. */
    List<String> operations() {
        return server.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .map(r -> r.getHeader("X-Amz-Target").replaceFirst("^SageMaker\\.", "")).toList();
    }

    /** Every request received is a SageMaker JSON 1.1 call that fits its operation's input shape in the AWS model. */
    void assertEveryRequestFitsTheAwsModel() {
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/")))) {
            String target = request.getHeader("X-Amz-Target");
            assertThat(target).startsWith("SageMaker.");
            assertThat(request.getHeader("Content-Type")).startsWith(JSON_1_1);
            assertThat(request.getHeader("Authorization")).contains("Credential=AKIATEST/").contains("/eu-west-1/sagemaker/");
            String operation = target.substring("SageMaker.".length());
            assertThat(AwsModelShapes.SAGEMAKER.violations(operation, body(request)))
                    .as("%s %s", operation, request.getBodyAsString()).isEmpty();
        }
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }

    /** The weights an UpdateEndpointWeightsAndCapacities request asks for, by variant; it must never set a capacity. */
    static Map<String, Double> desiredWeights(JsonNode update) {
        Map<String, Double> weights = new HashMap<>();
        update.path("DesiredWeightsAndCapacities").forEach(d -> {
            assertThat(d.has("DesiredInstanceCount")).as("capacity is never changed").isFalse();
            weights.put(d.path("VariantName").asText(), d.path("DesiredWeight").asDouble());
        });
        return weights;
    }
}
