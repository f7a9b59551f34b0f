package org.modelgov.incident.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.incident.guardduty.GuardDutySamples;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signed SNS notifications through the endpoint to the intakes of the running application, chosen by content:
 * a GuardDuty finding event to the GuardDuty intake, a CloudWatch alarm to the alarm intake, anything else to the
 * administrators. The endpoint is built as SnsConfig builds it, with a certificate this test serves.
 */
@ModelGovIntegrationTest
class SnsDispatchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @LocalServerPort
    int port;
    @Autowired
    ObjectProvider<SnsNotificationHandler> intakes;
    @Autowired
    JdbcClient jdbc;

    private final SnsTestKeys.KeyAndCertificate sns = SnsTestKeys.valid();
    private CertificateServer server;
    private SnsEndpointController endpoint;
    private Api owner;
    private String u;

    @BeforeEach
    void setUp() throws IOException {
        server = new CertificateServer(Map.of("/SimpleNotificationService-test.pem", sns.pem()));
        SnsMessageVerifier verifier = new SnsMessageVerifier(server.fetcher(),
                Pattern.compile(SnsMessageVerifier.DEFAULT_TRUSTED_HOSTS), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofHours(1));
        endpoint = new SnsEndpointController(verifier, uri -> { }, intakes, java.util.Set.of(SnsDraft.TOPIC));
        owner = Api.as(port, "owner", "demo");
        u = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aSignedGuardDutyFindingOpensASecurityIncidentAndItsUpdateIsAnOccurrence() throws Exception {
        String model = model("gd-sns-" + u + "-prod");
        ObjectNode event = guardDutyEvent(GuardDutySamples.IMPACT_ENDPOINT);

        assertThat(endpoint.receive(signed(event.toString())).getStatusCode()).isEqualTo(HttpStatus.OK);
        ((ObjectNode) event.path("detail").path("service")).put("count", 2);
        ((ObjectNode) event.path("detail")).put("updatedAt", "2026-12-01T08:45:52.940Z");
        assertThat(endpoint.receive(signed(event.toString())).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode incidents = owner.get("/api/incidents?modelId=" + model).json();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("type").asText()).isEqualTo("SECURITY");
        assertThat(incidents.get(0).path("source").asText()).isEqualTo("GUARDDUTY");
        assertThat(incidents.get(0).path("reporter").asText()).isEqualTo("sns");
        assertThat(incidents.get(0).path("occurrences").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT details FROM modelgov.audit_event WHERE action = 'GUARDDUTY_FINDING_RECEIVED'"
                        + " AND entity_id = ? ORDER BY seq").param(event.path("detail").path("id").asText())
                .query(String.class).list()).hasSize(2).allSatisfy(d -> assertThat(d).contains("\"via\":\"SNS\""));
    }

    @Test
    void eachSampleOfSeveralTypesAndSeveritiesGoesToTheGuardDutyIntake() throws Exception {
        String model = model("gd-sns-" + u + "-prod");
        // every sample, pointed at this model's endpoint: each is one incident, with GuardDuty's severity mapped
        Map<String, String> expected = Map.of(GuardDutySamples.EXFILTRATION_S3, "SEV2",
                GuardDutySamples.DISCOVERY_S3, "SEV3", GuardDutySamples.POLICY_S3, "SEV4",
                GuardDutySamples.IMPACT_ENDPOINT, "SEV1", GuardDutySamples.BITCOIN_EC2, "SEV2");
        for (var sample : expected.entrySet()) {
            ObjectNode event = guardDutyEvent(sample.getKey());
            ((ObjectNode) event.path("detail").path("service")).putObject("action").put("actionType", "AWS_API_CALL")
                    .putObject("awsApiCallAction").putObject("affectedResources").put("AWS::SageMaker::Endpoint",
                            "arn:aws:sagemaker:eu-west-1:123456789012:endpoint/gd-sns-" + u + "-prod");
            endpoint.receive(signed(event.toString()));
            String severity = jdbc.sql("SELECT suggested_severity FROM modelgov.guardduty_finding WHERE finding_id = ?")
                    .param(event.path("detail").path("id").asText()).query(String.class).single();
            assertThat(severity).as(sample.getKey()).isEqualTo(sample.getValue());
        }
        assertThat(owner.get("/api/incidents?modelId=" + model).json()).hasSize(expected.size());
    }

    @Test
    void aCloudWatchAlarmStillGoesToTheAlarmIntake() {
        String model = model("gd-alarm-" + u + "-prod");

        endpoint.receive(signed(AlarmNoticeTest.FIRING.replace("credit-pd-prod", "gd-alarm-" + u + "-prod")));

        JsonNode incidents = owner.get("/api/incidents?modelId=" + model).json();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("type").asText()).isEqualTo("OUTAGE");
        assertThat(incidents.get(0).path("source").asText()).isEqualTo("SNS");
    }

    @Test
    void anythingElseAndAMalformedFindingAreToldToTheAdministrators() throws Exception {
        SnsDraft other = draft("{\"hello\": \"world\"}");
        ObjectNode broken = guardDutyEvent(GuardDutySamples.POLICY_S3);
        ((ObjectNode) broken.path("detail")).remove("severity");
        SnsDraft malformed = draft(broken.toString());

        endpoint.receive(other.signedWith(sns.privateKey()).json());
        endpoint.receive(malformed.signedWith(sns.privateKey()).json());

        assertThat(notification("sns-unmatched:" + other.messageId)).contains("not a CloudWatch alarm");
        assertThat(notification("guardduty-malformed:" + malformed.messageId)).contains("detail.severity")
                .doesNotContain("platform-admin");
    }

    private String model(String endpointName) {
        String id = "GDS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + id + "\", \"name\": \"Guarded via SNS\", \"purpose\":"
                + " \"Security findings through SNS\", \"deployment\": {\"endpointName\": \"" + endpointName + "\"}}")
                .status()).isEqualTo(201);
        return id;
    }

    private ObjectNode guardDutyEvent(String sample) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(GuardDutySamples.read(sample)
                .replace(GuardDutySamples.ENDPOINT, "gd-sns-" + u + "-prod"));
        ((ObjectNode) event.path("detail")).put("id", UUID.randomUUID().toString().replace("-", ""));
        return event;
    }

    private SnsDraft draft(String message) {
        SnsDraft draft = SnsDraft.notification(NOW);
        draft.messageId = UUID.randomUUID().toString();
        draft.subject = null;
        draft.message = message;
        return draft;
    }

    private String signed(String message) {
        return draft(message).signedWith(sns.privateKey()).json();
    }

    private String notification(String key) {
        List<String> bodies = jdbc.sql("SELECT body FROM modelgov.notification_outbox WHERE deduplication_key = ?")
                .param(key).query(String.class).list();
        assertThat(bodies).as(key).hasSize(1);
        return bodies.get(0);
    }
}
