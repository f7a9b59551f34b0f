package org.modelgov.aws.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.aws.AwsModelShapes;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationPublishException;
import software.amazon.awssdk.services.sns.SnsClient;

/** What the SNS adapter sends fits the official SNS model, on standard and FIFO topics, and how it fails. */
class SnsNotificationPublisherTest {

    static final String STANDARD = "arn:aws:sns:eu-west-1:123456789012:modelgov-notifications";
    static final String FIFO = "arn:aws:sns:eu-west-1:123456789012:modelgov-notifications.fifo";

    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SnsClient client = SnsWire.client(sns.baseUrl());

    @AfterEach
    void close() {
        client.close();
    }

    private static Notification incident(String key) {
        return new Notification(key, "INCIDENT_TRIAGED", "Incident triaged: CUST-CHURN-001", "Severity SERIOUS.\nSee ModelGov.",
                List.of("incident-responders"), List.of("alice"), "CUST-CHURN-001", "HIGH", "SERIOUS");
    }

    static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void answer(String messageId) {
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(SnsWire.published(messageId))));
    }

    private static List<ObjectNode> publishes() {
        return sns.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Publish")))
                .stream().map(LoggedRequest::getBodyAsString).map(SnsWire::publishInput).toList();
    }

    @Test
    void aStandardTopicGetsMessageSubjectAndAttributesThatFitTheModelAndNoFifoMembers() {
        answer("m-1");

        new SnsNotificationPublisher(client, List.of(STANDARD)).publish(incident("incident:7:triaged"));

        List<ObjectNode> sent = publishes();
        assertThat(sent).hasSize(1);
        ObjectNode publish = sent.get(0);
        assertThat(AwsModelShapes.SNS.violations("Publish", publish)).isEmpty();
        assertThat(publish.path("TopicArn").asText()).isEqualTo(STANDARD);
        assertThat(publish.path("Subject").asText()).isEqualTo("Incident triaged: CUST-CHURN-001");
        assertThat(publish.path("Message").asText()).isEqualTo("Severity SERIOUS.\nSee ModelGov.");
        assertThat(publish.has("MessageGroupId")).isFalse();
        assertThat(publish.has("MessageDeduplicationId")).isFalse();
        ObjectNode attributes = (ObjectNode) publish.path("MessageAttributes");
        assertThat(attributes.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("eventType", "modelId", "riskTier", "severity");
        assertThat(attributes.path("eventType").path("DataType").asText()).isEqualTo("String");
        assertThat(attributes.path("eventType").path("StringValue").asText()).isEqualTo("INCIDENT_TRIAGED");
        assertThat(attributes.path("modelId").path("StringValue").asText()).isEqualTo("CUST-CHURN-001");
        assertThat(attributes.path("riskTier").path("StringValue").asText()).isEqualTo("HIGH");
        assertThat(attributes.path("severity").path("StringValue").asText()).isEqualTo("SERIOUS");
    }

    @Test
    void everyTopicIsPublishedToAndAFifoTopicGetsTheModelAsGroupAndAHashedKeyAsDeduplicationId() throws Exception {
        answer("m-2");

        new SnsNotificationPublisher(client, List.of(STANDARD, FIFO)).publish(incident("incident:7:triaged"));

        List<ObjectNode> sent = publishes();
        assertThat(sent).extracting(p -> p.path("TopicArn").asText()).containsExactlyInAnyOrder(STANDARD, FIFO);
        ObjectNode fifo = sent.stream().filter(p -> p.path("TopicArn").asText().equals(FIFO)).findFirst().orElseThrow();
        assertThat(AwsModelShapes.SNS.violations("Publish", fifo)).isEmpty();
        assertThat(fifo.path("MessageGroupId").asText()).isEqualTo("CUST-CHURN-001");
        assertThat(fifo.path("MessageDeduplicationId").asText()).isEqualTo(sha256("incident:7:triaged"));
    }

    @Test
    void aNotificationWithoutModelIsGroupedUnderModelgovAndCarriesOnlyItsEventType() {
        answer("m-3");

        new SnsNotificationPublisher(client, List.of(FIFO)).publish(new Notification("sns-unmatched:42",
                "ALARM_UNMATCHED", "Alarm matched no model", "body", List.of("risk-officers"), List.of(), null));

        ObjectNode publish = publishes().get(0);
        assertThat(AwsModelShapes.SNS.violations("Publish", publish)).isEmpty();
        assertThat(publish.path("MessageGroupId").asText()).isEqualTo("modelgov");
        assertThat(publish.path("MessageAttributes").properties()).extracting(Map.Entry::getKey)
                .containsExactly("eventType");
    }

    @Test
    void theSubjectIsMadeAsciiOnOneLineAndShorterThanOneHundredCharacters() {
        answer("m-4");
        String subject = "Überprüfung fällig – „Kreditmodell“\r\nzweite Zeile " + "x".repeat(150);

        new SnsNotificationPublisher(client, List.of(STANDARD)).publish(new Notification("review-due:1", "REVIEW_DUE",
                subject, "body", List.of(), List.of("bob"), "CREDIT-001"));

        String sent = publishes().get(0).path("Subject").asText();
        assertThat(sent).startsWith("Uberprufung fallig - ").matches("[\\x20-\\x7E]+").hasSizeLessThan(100)
                .endsWith("...").doesNotContain("\n", "\r");
        assertThat(SnsNotificationPublisher.subject("ＡＢＣ　ｘ")).isEqualTo("ABC x");
        assertThat(SnsNotificationPublisher.subject("✓✓✓")).isNull();
    }

    @Test
    void aRefusedPublishIsAnExceptionThatNamesTheNotificationTheTopicAndSnsReason() {
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody(SnsWire.error("InvalidParameter", "Invalid parameter: Subject"))));
        SnsNotificationPublisher publisher = new SnsNotificationPublisher(client, List.of(STANDARD));

        assertThatThrownBy(() -> publisher.publish(incident("incident:8:triaged")))
                .isInstanceOf(NotificationPublishException.class)
                .hasMessageContaining("incident:8:triaged").hasMessageContaining(STANDARD)
                .hasMessageContaining("Invalid parameter: Subject");
        assertThat(publishes()).hasSize(1); // a client error is not retried
    }

    @Test
    void aThrottledPublishIsRetriedAndSucceeds() {
        sns.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                        .withBody(SnsWire.error("Throttling", "Rate exceeded")))
                .willSetStateTo("calm"));
        sns.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(SnsWire.published("m-5"))));

        new SnsNotificationPublisher(client, List.of(STANDARD)).publish(incident("incident:9:triaged"));

        List<ObjectNode> sent = publishes();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
    }

    @Test
    void aTopicSettingThatIsNoSnsTopicArnIsRefusedAtStartWithWhatIsExpected() {
        assertThatThrownBy(() -> new SnsNotificationPublisher(client, List.of("modelgov-notifications")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelgov.aws.notification-topic-arns")
                .hasMessageContaining("arn:aws:sns:<region>:<account id>:<topic name>");
    }
}
