package org.modelgov.incident.guardduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.Sha256;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.modelgov.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GuardDuty findings posted over HTTPS as EventBridge's API destination would: matched to models by endpoint,
 * bucket and declared execution role; unmatched ones told to administrators once; repeats as occurrences; who may
 * post (and that a refusal records nothing); the 400s.
 */
@ModelGovIntegrationTest
class GuardDutyIntakeIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/security/guardduty-findings";
    private static final String INTEGRATION = "gd-integration";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private String u;
    private Api owner;
    private Api integration;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, INTEGRATION, GovernanceRole.SECURITY_INTEGRATION_GROUP);
        u = UUID.randomUUID().toString().substring(0, 8);
        owner = Api.as(port, "owner", "demo");
        integration = Api.as(port, INTEGRATION, TestUsers.PASSWORD);
    }

    @Test
    void aCriticalFindingOnTheModelsEndpointOpensOneSecurityIncidentSuggestedSev1() {
        String model = model("gd-" + u + "-prod", null);
        String event = sample(GuardDutySamples.IMPACT_ENDPOINT);

        Api.Response posted = integration.send("POST", PATH, event, "application/json");

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        JsonNode onModel = posted.json().path("models").get(0);
        assertThat(onModel.path("modelId").asText()).isEqualTo(model);
        assertThat(onModel.path("outcome").asText()).isEqualTo("OPENED");
        assertThat(onModel.path("suggestedSeverity").asText()).isEqualTo("SEV1");
        assertThat(onModel.path("matchedBy").toString()).contains("endpoint gd-" + u + "-prod");
        JsonNode incidents = owner.get("/api/incidents?modelId=" + model).json();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("type").asText()).isEqualTo("SECURITY");
        assertThat(incidents.get(0).path("source").asText()).isEqualTo("GUARDDUTY");
        assertThat(incidents.get(0).path("reporter").asText()).isEqualTo(INTEGRATION);
        assertThat(incidents.get(0).path("description").asText()).contains("Impact:IAMUser/AnomalousBehavior",
                "severity 9.2", "Critical");
        // the intake's evidence: the digest of the event as received and its key fields, never the payload
        String findingId = findingId(event);
        String audited = jdbc.sql("SELECT details FROM modelgov.audit_event WHERE action = 'GUARDDUTY_FINDING_RECEIVED'"
                + " AND entity_id = ?").param(findingId).query(String.class).single();
        assertThat(audited).contains(Sha256.hex(event), "\"via\":\"API\"", "Impact:IAMUser/AnomalousBehavior")
                .doesNotContain("198.51.100.201", "contractor-ops");
    }

    @Test
    void aLowFindingOnAVersionsBucketOpensAnIncidentWhoseTriageSuggestsSev4() {
        String model = model(null, "s3://gd-" + u + "-artifacts/credit/model.tar.gz");
        String event = sample(GuardDutySamples.POLICY_S3);

        Api.Response posted = integration.send("POST", PATH, event, "application/json");

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        JsonNode onModel = posted.json().path("models").get(0);
        assertThat(onModel.path("modelId").asText()).isEqualTo(model);
        assertThat(onModel.path("matchedBy").toString()).contains("bucket gd-" + u + "-artifacts");
        assertThat(onModel.path("suggestedSeverity").asText()).isEqualTo("SEV4");
        // the incident process, past its detection step, suggests the finding's severity, not IncidentSeverity's
        // SEV1 for every SECURITY incident
        String incidentId = onModel.path("incidentId").asText();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(incidentId)
                .singleResult();
        Job detection = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.executeJob(detection.getId());
        assertThat(runtime.getVariable(instance.getId(), "suggestedSeverity")).isEqualTo("SEV4");
        assertThat(runtime.getVariable(instance.getId(), "triageWithin")).isEqualTo("PT24H");
    }

    @Test
    void aFindingOnTheDeclaredExecutionRoleOpensAnIncident() {
        String model = model(null, null);
        String role = "AmazonSageMaker-ExecutionRole-" + u;
        Api.Response declared = owner.send("PUT", "/api/models/" + model + "/aws-resources",
                "{\"executionRoles\": [\"arn:aws:iam::123456789012:role/service-role/" + role + "\"]}",
                "application/json");
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(declared.json().path("executionRoles").get(0).asText()).isEqualTo(role);

        Api.Response posted = integration.send("POST", PATH, sample(GuardDutySamples.CREDENTIAL_ACCESS_ROLE),
                "application/json");

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        JsonNode onModel = posted.json().path("models").get(0);
        assertThat(onModel.path("modelId").asText()).isEqualTo(model);
        assertThat(onModel.path("matchedBy").toString()).contains("execution role " + role);
        assertThat(onModel.path("suggestedSeverity").asText()).isEqualTo("SEV3");
    }

    @Test
    void theSameFindingUpdatedIsAnOccurrenceTheSameUpdateTwiceIsRecordedOnceAndAfterClosureItOpensAgain()
            throws Exception {
        String model = model(null, null);
        declareBucket(model, "gd-" + u + "-training");
        ObjectNode event = (ObjectNode) JSON.readTree(sample(GuardDutySamples.EXFILTRATION_S3));

        JsonNode first = post(event).path("models").get(0);
        JsonNode again = post(event).path("models").get(0);
        ObjectNode detail = (ObjectNode) event.path("detail");
        ((ObjectNode) detail.path("service")).put("count", 4);
        detail.put("updatedAt", "2026-11-30T10:14:07.281Z");
        JsonNode updated = post(event).path("models").get(0);

        assertThat(first.path("outcome").asText()).isEqualTo("OPENED");
        assertThat(again.path("outcome").asText()).isEqualTo("ALREADY_RECORDED");
        assertThat(again.path("occurrences").asInt()).isEqualTo(1);
        assertThat(updated.path("outcome").asText()).isEqualTo("OCCURRENCE");
        assertThat(updated.path("occurrences").asInt()).isEqualTo(2);
        String incidentId = first.path("incidentId").asText();
        assertThat(updated.path("incidentId").asText()).isEqualTo(incidentId);
        assertThat(owner.get("/api/incidents?modelId=" + model).json()).hasSize(1);
        assertThat(jdbc.sql("SELECT service_count FROM modelgov.guardduty_finding WHERE incident_id = ?")
                .param(incidentId).query(Integer.class).single()).isEqualTo(4);

        // a closed incident is not reopened: the finding's next update opens a new one (as alarms do)
        jdbc.sql("UPDATE modelgov.incident SET status = 'CLOSED' WHERE id = ?").param(incidentId).update();
        ((ObjectNode) detail.path("service")).put("count", 5);
        detail.put("updatedAt", "2026-11-30T11:14:07.281Z");
        JsonNode reopened = post(event).path("models").get(0);

        assertThat(reopened.path("outcome").asText()).isEqualTo("OPENED");
        assertThat(reopened.path("incidentId").asText()).isNotEqualTo(incidentId);
        assertThat(owner.get("/api/incidents?modelId=" + model).json()).hasSize(2);
    }

    @Test
    void theSameNewFindingDeliveredSeveralTimesAtOnceOpensOneIncident() throws Exception {
        String model = model("gd-" + u + "-prod", null);
        String event = sample(GuardDutySamples.IMPACT_ENDPOINT);
        int deliveries = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(deliveries);
        List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return integration.send("POST", PATH, event, "application/json");
                }));
            }
            start.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (var answer : answers) {
                Api.Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                outcomes.add(response.json().path("models").get(0).path("outcome").asText());
            }
            assertThat(outcomes).containsOnlyOnce("OPENED").containsOnly("OPENED", "ALREADY_RECORDED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(owner.get("/api/incidents?modelId=" + model).json()).hasSize(1);
    }

    @Test
    void aFindingNamingTwoModelsResourcesOpensOneIncidentOnEach() throws Exception {
        String endpointModel = model("gd-" + u + "-prod", null);
        String bucketModel = model(null, "s3://credit-scoring-monitoring-" + u + "/x/model.tar.gz");
        ObjectNode event = (ObjectNode) JSON.readTree(sample(GuardDutySamples.DISCOVERY_S3)
                .replace("credit-scoring-monitoring", "credit-scoring-monitoring-" + u));
        ((ObjectNode) event.path("detail").path("service").path("action").path("awsApiCallAction"))
                .putObject("affectedResources").put("AWS::SageMaker::Endpoint",
                        "arn:aws:sagemaker:eu-west-1:123456789012:endpoint/gd-" + u + "-prod");

        JsonNode outcome = post(event);

        assertThat(outcome.path("models")).hasSize(2);
        assertThat(outcome.path("models").findValuesAsText("modelId"))
                .containsExactlyInAnyOrder(endpointModel, bucketModel);
        assertThat(owner.get("/api/incidents?modelId=" + endpointModel).json()).hasSize(1);
        assertThat(owner.get("/api/incidents?modelId=" + bucketModel).json()).hasSize(1);
    }

    @Test
    void aFindingNoModelUsesIsToldToAdministratorsAndRespondersOnce() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(sample(GuardDutySamples.BITCOIN_EC2));
        String findingId = event.path("detail").path("id").asText();

        JsonNode outcome = post(event);
        ((ObjectNode) event.path("detail").path("service")).put("count", 9);
        post(event);

        assertThat(outcome.path("models")).isEmpty();
        List<String> notified = jdbc.sql("SELECT body FROM modelgov.notification_outbox WHERE deduplication_key = ?")
                .param("guardduty-unmatched:" + findingId).query(String.class).list();
        assertThat(notified).singleElement().satisfies(body -> assertThat(body)
                .contains(findingId, "CryptoCurrency:EC2/BitcoinTool.B!DNS", "no model")
                .doesNotContain("10.0.1.17", "pool.example-miner.test"));
        assertThat(Api.as(port, "admin", "demo").get("/api/notifications?limit=50").body())
                .contains("GUARDDUTY_UNMATCHED");
    }

    @Test
    void onlyTheSecurityIntegrationAndAdministratorsMayPostAndARefusalRecordsNothing() {
        String model = model("gd-" + u + "-prod", null);
        String event = sample(GuardDutySamples.IMPACT_ENDPOINT);
        String findingId = findingId(event);
        for (String user : List.of("owner", "risk", "validator", "ethics", "business", "approver1", "responder",
                "compliance")) {
            Api.Response refused = Api.as(port, user, "demo").send("POST", PATH, event, "application/json");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body()).as(user).doesNotContain("contractor-ops");
        }
        assertThat(Api.anonymous(port).send("POST", PATH, event, "application/json").status()).isEqualTo(401);
        assertThat(owner.get("/api/incidents?modelId=" + model).json()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE entity_id = ?").param(findingId)
                .query(Integer.class).single()).isZero();

        assertThat(Api.as(port, "admin", "demo").send("POST", PATH, event, "application/json").status())
                .isEqualTo(200);
        assertThat(owner.get("/api/incidents?modelId=" + model).json()).hasSize(1);
    }

    @Test
    void theSecurityIntegrationReadsNothing() {
        assertThat(integration.get("/api/models").status()).isEqualTo(403);
        assertThat(integration.get("/api/incidents").status()).isEqualTo(403);
        assertThat(integration.get("/api/audit").status()).isEqualTo(403);
        assertThat(Api.as(port, "responder", "demo").get("/api/models").status()).isEqualTo(200);
        // nor ModelGov's pages, after logging in through the form (the only form login of this test: in the full
        // suite a page fetched right after another person's form login once came back as that person's)
        String page = WebappSession.logIn(port, INTEGRATION, TestUsers.PASSWORD).page("/models");
        assertThat(page).as("the page as the integration sees it").doesNotContain("Retail credit scoring");
    }

    @Test
    void aMalformedEventIsA400NamingWhatWasWrongAndRecordsNothing() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(sample(GuardDutySamples.POLICY_S3));
        String findingId = event.path("detail").path("id").asText();
        ObjectNode detail = (ObjectNode) event.path("detail");
        detail.remove("type");
        detail.remove("resource");
        detail.put("severity", "high");

        Api.Response missing = integration.send("POST", PATH, event.toString(), "application/json");
        Api.Response list = integration.send("POST", PATH, "[" + sample(GuardDutySamples.POLICY_S3) + "]",
                "application/json");
        Api.Response broken = integration.send("POST", PATH, "{\"detail\": {\"id\": \"secret-value\"",
                "application/json");
        Api.Response other = integration.send("POST", PATH, "{\"source\": \"aws.ec2\", \"detail-type\":"
                + " \"EC2 Instance State-change Notification\", \"detail\": {}}", "application/json");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.invalidFields()).containsExactly("detail.type", "detail.severity", "detail.resource");
        assertThat(missing.body()).doesNotContain("platform-admin");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.invalidFields()).containsExactly("body");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("secret-value");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.invalidFields()).contains("source", "detail-type");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE entity_id = ?").param(findingId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void onlyWhoMayChangeTheModelDeclaresItsResourcesAndBadNamesAre400() {
        String model = model(null, "s3://gd-" + u + "-artifacts/model.tar.gz");
        String body = "{\"executionRoles\": [\"role-" + u + "\"], \"buckets\": [\"s3://gd-" + u + "-extra/data/\"]}";
        for (String user : List.of("validator", "responder", "compliance", "approver1")) {
            assertThat(Api.as(port, user, "demo").send("PUT", "/api/models/" + model + "/aws-resources", body,
                    "application/json").status()).as(user).isEqualTo(403);
        }
        assertThat(integration.send("PUT", "/api/models/" + model + "/aws-resources", body, "application/json")
                .status()).isEqualTo(403);
        assertThat(owner.get("/api/models/" + model + "/aws-resources").json().path("executionRoles")).isEmpty();

        Api.Response bad = owner.send("PUT", "/api/models/" + model + "/aws-resources",
                "{\"executionRoles\": [\"no spaces allowed\"], \"buckets\": [\"UPPER\"], \"other\": 1}",
                "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.invalidFields()).containsExactlyInAnyOrder("other", "executionRoles[0]", "buckets[0]");

        JsonNode declared = owner.send("PUT", "/api/models/" + model + "/aws-resources", body, "application/json")
                .json();
        assertThat(declared.path("executionRoles").get(0).asText()).isEqualTo("role-" + u);
        assertThat(declared.path("buckets").get(0).asText()).isEqualTo("gd-" + u + "-extra");
        assertThat(declared.path("versionBuckets").get(0).asText()).isEqualTo("gd-" + u + "-artifacts");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE action = 'MODEL_AWS_RESOURCES_DECLARED'"
                + " AND entity_id = ?").param(model).query(Integer.class).single()).isEqualTo(1);
    }

    // ---- helpers ----

    /** A model (optionally at an endpoint) with a version (optionally with an artifact URI). */
    private String model(String endpoint, String artifactUri) {
        String id = "GD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response created = owner.post("/api/models", "{\"id\": \"" + id + "\", \"name\": \"Guarded model\","
                + " \"purpose\": \"Has security findings\""
                + (endpoint == null ? "" : ", \"deployment\": {\"endpointName\": \"" + endpoint + "\"}") + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (artifactUri != null) {
            Api.Response version = owner.post("/api/models/" + id + "/versions", "{\"artifactUri\": \"" + artifactUri
                    + "\"}");
            assertThat(version.status()).as(version.body()).isEqualTo(201);
        }
        return id;
    }

    private void declareBucket(String model, String bucket) {
        assertThat(owner.send("PUT", "/api/models/" + model + "/aws-resources", "{\"buckets\": [\"" + bucket + "\"]}",
                "application/json").status()).isEqualTo(200);
    }

    /** A sample with this test's names and a finding id of its own. */
    private String sample(String name) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(GuardDutySamples.read(name)
                    .replace(GuardDutySamples.ENDPOINT, "gd-" + u + "-prod")
                    .replace(GuardDutySamples.TRAINING_BUCKET, "gd-" + u + "-training")
                    .replace(GuardDutySamples.ARTIFACT_BUCKET, "gd-" + u + "-artifacts")
                    .replace(GuardDutySamples.EXECUTION_ROLE, "AmazonSageMaker-ExecutionRole-" + u));
            ((ObjectNode) event.path("detail")).put("id", UUID.randomUUID().toString().replace("-", ""));
            return event.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String findingId(String event) {
        try {
            return JSON.readTree(event).path("detail").path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(ObjectNode event) {
        Api.Response response = integration.send("POST", PATH, event.toString(), "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
