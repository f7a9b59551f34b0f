package org.modelgov.abtest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.common.GovernanceRole;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The metric sample API as every role: the monitoring integration and administrators post, everyone else (the
 * model's own people too) is refused without a
 * trace; a batch is checked whole and saved whole; posting an instant again replaces it; reads return the window.
 */
@ModelGovIntegrationTest
class MetricSampleApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    private String modelId;
    private String endpoint;
    private Api owner;
    private Api admin;
    private Api monitoring;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS);

    @BeforeEach
    void registerAModelAtAnEndpoint() {
        owner = Api.as(port, "owner", "demo");
        admin = Api.as(port, "admin", "demo");
        monitoring = Api.as(port, TestUsers.ensure(identity, "ab-monitoring",
                GovernanceRole.MONITORING_INTEGRATION_GROUP), TestUsers.PASSWORD);
        modelId = "AB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        endpoint = modelId.toLowerCase() + "-prod";
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"A/B model\", \"purpose\":"
                + " \"Is measured\", \"deployment\": {\"endpointName\": \"" + endpoint + "\"}}").status()).isEqualTo(201);
    }

    private String path(String variant) {
        return "/api/endpoints/" + endpoint + "/variants/" + variant + "/metric-samples";
    }

    private String at(int minutes) {
        return base.plus(minutes, ChronoUnit.MINUTES).toString();
    }

    private String sample(String metric, int minutes, String value) {
        return "{\"metric\": \"" + metric + "\", \"at\": \"" + at(minutes) + "\", \"value\": " + value + "}";
    }

    private JsonNode series(Api as, String variant) {
        Api.Response read = as.get(path(variant) + "?from=" + at(-60) + "&to=" + at(60));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json().path("metrics");
    }

    @Test
    void theMonitoringIntegrationPostsABatchAndEveryoneLoggedInReadsTheSeriesInTimeOrder() {
        String batch = "[" + String.join(", ", sample("Invocations", 10, "1200"), sample("Invocations", 5, "1000"),
                sample("Invocation5XXErrors", 5, "3"), sample("ModelLatency", 5, "41.5"),
                sample("ModelLatency", 10, "39.25")) + "]";

        Api.Response posted = monitoring.post(path("challenger-v2"), batch);

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode body = posted.json();
        assertThat(body.path("modelId").asText()).isEqualTo(modelId);
        assertThat(body.path("samples").asInt()).isEqualTo(5);
        assertThat(body.path("replaced").asInt()).isZero();
        assertThat(body.path("byMetric").path("ModelLatency").asInt()).isEqualTo(2);
        assertThat(body.path("first").asText()).isEqualTo(at(5));
        assertThat(posted.location()).contains(path("challenger-v2"));

        JsonNode metrics = series(Api.as(port, "compliance", "demo"), "challenger-v2");
        assertThat(metrics.path("Invocations").findValuesAsText("value")).containsExactly("1000.0", "1200.0");
        assertThat(metrics.path("Invocations").get(0).path("at").asText()).isEqualTo(at(5));
        assertThat(metrics.path("ModelLatency").findValuesAsText("value")).containsExactly("41.5", "39.25");
        assertThat(metrics.path("Invocation5XXErrors").findValuesAsText("value")).containsExactly("3.0");
        // the other variant has nothing; the metrics are there, empty
        assertThat(series(owner, "champion-v1").path("Invocations")).isEmpty();

        // one audit event for the batch, with counts and never the values
        JsonNode events = admin.get("/api/audit?modelId=" + modelId + "&action=VARIANT_METRICS_POSTED").json();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("actor").asText()).isEqualTo("ab-monitoring");
        String details = events.get(0).path("details").asText();
        assertThat(details).contains("\"samples\":5", "challenger-v2", "\"ModelLatency\":2")
                .doesNotContain("41.5", "1200");
    }

    @Test
    void anInstantPostedAgainReplacesItsValueAndAnAdministratorMayPostToo() {
        assertThat(monitoring.post(path("champion-v1"), "[" + sample("ModelLatency", 5, "40") + ", "
                + sample("ModelLatency", 10, "42") + "]").status()).isEqualTo(201);

        Api.Response again = admin.post(path("champion-v1"), "[" + sample("ModelLatency", 10, "44") + "]");

        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("replaced").asInt()).isEqualTo(1);
        assertThat(series(owner, "champion-v1").path("ModelLatency").findValuesAsText("value"))
                .containsExactly("40.0", "44.0");
    }

    @Test
    void everyoneButTheMonitoringIntegrationAndAdministratorsIsRefusedAndNothingIsSaved() {
        String batch = "[" + sample("Invocations", 5, "10") + "]";
        String otherOwner = TestUsers.ensure(identity, "ab-other-owner", GovernanceRole.MODEL_OWNER.groupId());
        for (String user : List.of("owner", "risk", "validator", "ethics", "business", "approver1", "responder", "compliance")) {
            Api.Response refused = Api.as(port, user, "demo").post(path("challenger-v2"), batch);
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.json().path("detail").asText()).contains("Only the monitoring integration", modelId);
        }
        assertThat(Api.as(port, otherOwner, TestUsers.PASSWORD).post(path("challenger-v2"), batch).status())
                .isEqualTo(403);
        assertThat(Api.anonymous(port).post(path("challenger-v2"), batch).status()).isEqualTo(401);
        // the integration posts samples and reads nothing, not even the series it posted
        assertThat(monitoring.get(path("challenger-v2")).status()).isEqualTo(403);
        assertThat(monitoring.get("/api/models/" + modelId).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(path("challenger-v2")).status()).isEqualTo(401);

        assertThat(series(owner, "challenger-v2").path("Invocations")).isEmpty();
        assertThat(admin.get("/api/audit?modelId=" + modelId + "&action=VARIANT_METRICS_POSTED").json()).isEmpty();
    }

    @Test
    void anEndpointNoModelIsDeployedAtIsNotFound() {
        Api.Response post = admin.post("/api/endpoints/nobody-deploys-here/variants/v1/metric-samples",
                "[" + sample("Invocations", 5, "10") + "]");
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.json().path("detail").asText()).contains("nobody-deploys-here");
        assertThat(owner.get("/api/endpoints/nobody-deploys-here/variants/v1/metric-samples").status()).isEqualTo(404);
    }

    @Test
    void everyProblemOfABatchIsNamedByItsIndexAndNothingOfItIsSaved() {
        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        String batch = "[" + String.join(", ",
                sample("Invocations", 5, "1000"),
                sample("Invocations", 10, "-1"),
                sample("Invocation5XXErrors", 10, "2.5"),
                sample("ModelLatency", 10, "-3"),
                sample("CPUUtilization", 10, "50"),
                sample("business:approval_rate", 10, "0.6"),
                "{\"metric\": \"ModelLatency\", \"at\": \"" + future + "\", \"value\": 40}",
                "{\"metric\": \"ModelLatency\", \"at\": \"yesterday\", \"value\": 40}",
                "{\"metric\": \"ModelLatency\", \"at\": \"" + at(15) + "\", \"value\": \"40\"}",
                "{\"metric\": \"ModelLatency\", \"at\": \"" + at(15) + "\"}",
                "{\"metric\": \"ModelLatency\", \"at\": \"" + at(20) + "\", \"value\": 40, \"unit\": \"ms\"}",
                "17",
                sample("Invocations", 5, "1000"),
                sample("ModelLatency", 25, "1e400")) + "]";

        Api.Response refused = monitoring.post(path("challenger-v2"), batch);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.invalidFields()).containsExactlyInAnyOrder("[1].value", "[2].value", "[3].value",
                "[4].metric", "[5].metric", "[6].at", "[7].at", "[8].value", "[9].value", "[10].unit", "[11]",
                "[12].at", "[13].value");
        assertThat(refused.body()).contains("is in the future", "whole number", "repeats [0]",
                "no business metric is configured", "finite");
        // the one good sample was not saved either
        assertThat(series(owner, "challenger-v2").path("Invocations")).isEmpty();
    }

    @Test
    void theShapeOfTheRequestIsChecked() {
        assertThat(monitoring.post(path("challenger-v2"), "{\"metric\": \"Invocations\"}").invalidFields())
                .containsExactly("body");
        assertThat(monitoring.post(path("challenger-v2"), "[]").invalidFields()).containsExactly("body");
        assertThat(monitoring.post(path("-bad-"), "[" + sample("Invocations", 5, "1") + "]").invalidFields())
                .containsExactly("variantName");
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            tooMany.append(i == 0 ? "" : ",").append(sample("Invocations", -i, "1"));
        }
        Api.Response big = monitoring.post(path("challenger-v2"), tooMany.append("]").toString());
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.body()).contains("at most 10000");
    }

    @Test
    void aReadChecksItsWindowAndMetrics() {
        assertThat(owner.get(path("v1") + "?from=" + at(10) + "&to=" + at(5)).invalidFields()).containsExactly("from");
        assertThat(owner.get(path("v1") + "?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z").invalidFields())
                .containsExactly("to");
        assertThat(owner.get(path("v1") + "?from=soon").invalidFields()).containsExactly("from");
        assertThat(owner.get(path("v1") + "?metric=CPUUtilization").invalidFields()).containsExactly("metric");
        // the default: the last day, SageMaker's three metrics
        JsonNode read = owner.get(path("v1")).json();
        assertThat(read.path("metrics").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("Invocations", "Invocation5XXErrors", "ModelLatency");
    }
}
