package org.modelgov.aws.fis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.aws.AwsModelShapes;
import org.modelgov.exercise.FaultExperiments;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.fis.FisClient;

/**
 * The FIS adapter against FIS at the wire level (rest-json: POST /experiments, GET /experiments/{id}) with a real SDK
 * client; every request is checked against the fis service model (body members and the URI's id).
 */
class FisFaultExperimentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private FisClient client;
    private FisFaultExperiments experiments;

    @BeforeEach
    void start() {
        server.start();
        client = FisClient.builder().endpointOverride(URI.create(server.baseUrl())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "test")))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2)
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build()))
                .build();
        experiments = new FisFaultExperiments(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    private void answer(com.github.tomakehurst.wiremock.client.MappingBuilder request, int status, String json) {
        server.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(json)));
    }

    @Test
    void startExperimentSendsTheTemplateAClientTokenFromTheExerciseAndItsTag() throws Exception {
        answer(post(urlEqualTo("/experiments")), 200,
                "{\"experiment\": {\"id\": \"EXPabc123\", \"state\": {\"status\": \"initiating\"}}}");

        assertThat(experiments.start("EXT1a2b3c", "EX-20261202-0A1B2C")).isEqualTo("EXPabc123");
        assertThat(experiments.start("EXT1a2b3c", "EX-20261202-0A1B2C")).as("a retried step").isEqualTo("EXPabc123");

        List<LoggedRequest> sent = server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo("/experiments")));
        assertThat(sent).hasSize(2);
        for (LoggedRequest request : sent) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(AwsModelShapes.FIS.violations("StartExperiment", body)).isEmpty();
            assertThat(body.path("experimentTemplateId").asText()).isEqualTo("EXT1a2b3c");
            assertThat(body.path("clientToken").asText()).isEqualTo("modelgov-exercise-EX-20261202-0A1B2C");
            assertThat(body.path("tags").path("modelgov:exercise").asText()).isEqualTo("EX-20261202-0A1B2C");
        }
        assertThat(sent.get(0).getBodyAsString()).as("the same token twice: FIS starts one experiment")
                .isEqualTo(sent.get(1).getBodyAsString());
    }

    @Test
    void getExperimentReadsRunningCompletedAndFailedWithTheReason() {
        answer(get(urlEqualTo("/experiments/EXPrun")), 200,
                "{\"experiment\": {\"id\": \"EXPrun\", \"state\": {\"status\": \"running\", \"reason\": \"Experiment is running.\"}}}");
        answer(get(urlEqualTo("/experiments/EXPdone")), 200,
                "{\"experiment\": {\"id\": \"EXPdone\", \"state\": {\"status\": \"completed\"}}}");
        answer(get(urlEqualTo("/experiments/EXPfail")), 200, "{\"experiment\": {\"id\": \"EXPfail\", \"state\":"
                + " {\"status\": \"failed\", \"reason\": \"Target resolution failed.\", \"error\": {\"code\":"
                + " \"TargetResolutionFailed\", \"location\": \"targets.Instances\"}}}}");

        FaultExperiments.State running = experiments.state("EXPrun");
        assertThat(running.status()).isEqualTo(FaultExperiments.Status.RUNNING);
        assertThat(running.status().ended()).isFalse();
        assertThat(experiments.state("EXPdone").status()).isEqualTo(FaultExperiments.Status.COMPLETED);
        FaultExperiments.State failed = experiments.state("EXPfail");
        assertThat(failed.status()).isEqualTo(FaultExperiments.Status.FAILED);
        assertThat(failed.status().ended()).isTrue();
        assertThat(failed.reason()).isEqualTo("Target resolution failed. (error TargetResolutionFailed at"
                + " targets.Instances)");

        for (LoggedRequest request : server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathMatching("/experiments/.*")))) {
            String id = URLDecoder.decode(request.getUrl().substring("/experiments/".length()), StandardCharsets.UTF_8);
            assertThat(AwsModelShapes.FIS.violations("GetExperiment", JSON.createObjectNode().put("id", id))).isEmpty();
            assertThat(request.getBodyAsString()).as("the id travels in the URI only").isEmpty();
        }
    }

    @Test
    void anAwsErrorIsThrownSoTheStepIsRetried() {
        answer(get(urlEqualTo("/experiments/EXPgone")), 404,
                "{\"message\": \"Experiment not found\"}");
        assertThatThrownBy(() -> experiments.state("EXPgone")).hasMessageContaining("Experiment not found");
    }

    @Test
    void theStatesAreFisOwn() {
        assertThat(AwsModelShapes.FIS.enumOf("ExperimentStatus")).containsExactlyInAnyOrder(
                java.util.Arrays.stream(FaultExperiments.Status.values()).map(s -> s.name().toLowerCase()).toArray(String[]::new));
    }
}
