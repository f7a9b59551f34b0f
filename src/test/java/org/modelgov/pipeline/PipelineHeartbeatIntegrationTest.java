package org.modelgov.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.audit.AuditTrail;
import org.modelgov.aws.sfn.StepFunctionsGate;
import org.modelgov.common.EachItem;
import org.modelgov.inventory.InventoryService;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Heartbeats to Step Functions (WireMock) go gate by gate: a token Step Functions no longer takes neither stops
 * the heartbeats after it nor rolls back the ones before it.
 */
@ModelGovIntegrationTest
class PipelineHeartbeatIntegrationTest {

    @Autowired
    PipelineGateRepository gates;
    @Autowired
    InventoryService inventory;
    @Autowired
    AuditTrail audit;
    @Autowired
    EachItem eachItem;
    @Autowired
    JdbcClient jdbc;

    private final WireMockServer sfnApi = new WireMockServer(options().dynamicPort());
    private SfnClient sfn;
    private final List<String> tokens = List.of(token("before"), token("closed"), token("after"));
    private final List<String> ids = tokens.stream().map(t -> UUID.randomUUID().toString()).toList();

    private static String token(String name) {
        return name + "-" + UUID.randomUUID();
    }

    @BeforeEach
    void waitingPipelines() {
        sfnApi.start();
        sfn = SfnClient.builder().endpointOverride(URI.create(sfnApi.baseUrl())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
        sfnApi.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.SendTaskHeartbeat"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
        sfnApi.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(tokens.get(1)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"com.amazonaws.swf.service.v2.model#TaskTimedOut\","
                                + "\"message\":\"Task Timed Out\"}")));
        String versionId = jdbc.sql("SELECT MIN(id) FROM modelgov.model_version").query(String.class).single();
        Instant received = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < tokens.size(); i++) {
            gates.insert(new PipelineGate(ids.get(i), tokens.get(i), "arn:aws:sagemaker:eu-west-1:123456789012:"
                    + "model-package/beat/1", versionId, "test", received.plusSeconds(i), null, null));
        }
    }

    @AfterEach
    void answerThem() {
        ids.forEach(id -> gates.answered(id, "REJECTED", Instant.now()));
        sfn.close();
        sfnApi.stop();
    }

    @Test
    void aClosedTokenDoesNotStopOrUndoTheHeartbeatsOfTheOthers() {
        StepFunctionsGate stepFunctions = new StepFunctionsGate(sfn);
        PipelineCallbacks toStepFunctions = new PipelineCallbacks() {
            @Override
            public void success(String taskToken, String decisionJson) {
                stepFunctions.sendSuccess(taskToken, decisionJson);
            }

            @Override
            public void failure(String taskToken, String error, String cause) {
                stepFunctions.sendFailure(taskToken, error, cause);
            }

            @Override
            public void heartbeat(String taskToken) {
                stepFunctions.heartbeat(taskToken);
            }
        };
        PipelineGateService service = new PipelineGateService(gates, toStepFunctions, inventory, audit,
                Clock.systemUTC(), eachItem);

        service.heartbeat();

        for (String token : tokens) {
            assertThat(sfnApi.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(token))))
                    .as("a heartbeat was sent for %s", token).hasSize(1);
        }
        assertThat(lastHeartbeat(ids.get(0))).as("kept although a later token failed").isNotNull();
        assertThat(lastHeartbeat(ids.get(1))).as("the closed token").isNull();
        assertThat(lastHeartbeat(ids.get(2))).as("sent after the closed token failed").isNotNull();
    }

    private OffsetDateTime lastHeartbeat(String id) {
        return jdbc.sql("SELECT last_heartbeat_at FROM modelgov.pipeline_gate WHERE id = ?").param(id)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
    }
}
