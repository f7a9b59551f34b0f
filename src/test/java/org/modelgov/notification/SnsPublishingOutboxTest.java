package org.modelgov.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.aws.AwsModelShapes;
import org.modelgov.aws.sns.SnsNotificationPublisher;
import org.modelgov.aws.sns.SnsWire;
import org.modelgov.support.SimulatedClock;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * AWS mode's notification path at the wire: a step's transaction only writes the outbox; the relay publishes to a
 * FIFO SNS topic after commit, backs off while SNS fails, publishes each notification once when it recovers (in
 * order per model, with one deduplication id per notification) and gives up visibly on one that keeps failing.
 */
class SnsPublishingOutboxTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:modelgov-notifications.fifo";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SimulatedClock clock = new SimulatedClock(T0);
    /** Every attempt to publish, as (deduplication key, simulated time). */
    private final List<Map.Entry<String, Instant>> attempts = new CopyOnWriteArrayList<>();
    private SnsClient client;
    private JdbcClient jdbc;
    private TransactionTemplate stepTransaction;
    private OutboxNotificationSender sender;
    private StaticListableBeanFactory publishers;

    @BeforeEach
    void outboxWithSnsPublisher() {
        DataSource dataSource = OutboxDatabase.fresh();
        jdbc = JdbcClient.create(dataSource);
        stepTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        client = SnsWire.client(sns.baseUrl());
        SnsNotificationPublisher snsPublisher = new SnsNotificationPublisher(client, List.of(TOPIC));
        NotificationPublisher recorded = n -> {
            attempts.add(Map.entry(n.deduplicationKey(), clock.instant()));
            snsPublisher.publish(n);
        };
        publishers = new StaticListableBeanFactory(Map.of("sns", recorded));
        sender = new OutboxNotificationSender(jdbc, clock, publishers.getBeanProvider(NotificationPublisher.class));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private NotificationRelay relay(int maxAttempts) {
        return new NotificationRelay(jdbc, clock, publishers.getBeanProvider(NotificationPublisher.class),
                new NotificationRelayProperties(true, Duration.ofSeconds(10), Duration.ofSeconds(30),
                        Duration.ofHours(1), maxAttempts, Duration.ofMinutes(5), 100));
    }

    private static Notification taskCreated(String taskId, String modelId) {
        return new Notification("task-created:" + taskId, "TASK_CREATED", "Sign off " + modelId + ":3",
                "Please sign off.", List.of("model-risk-committee"), List.of(), modelId, "HIGH", null);
    }

    private boolean sendInStep(Notification n) {
        return Boolean.TRUE.equals(stepTransaction.execute(tx -> sender.send(n)));
    }

    private SentNotification row(String taskId) {
        return sender.latest(null, 500).stream().filter(n -> n.subject().startsWith("Sign off"))
                .filter(n -> jdbc.sql("SELECT deduplication_key FROM modelgov.notification_outbox WHERE id = ?")
                        .param(n.id()).query(String.class).single().equals("task-created:" + taskId))
                .findFirst().orElseThrow();
    }

    private static StubMapping snsAnswers(int status, String body) {
        return sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/xml").withBody(body)));
    }

    /** The Publish requests SNS received (SDK retries included), as form parameters. */
    private static List<Map<String, String>> publishRequests() {
        return sns.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .map(request -> SnsWire.form(request.getBodyAsString())).toList();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Runs the relay every 10 simulated seconds until {@code until}. */
    private void runRelayUntil(NotificationRelay relay, Instant until) {
        while (clock.instant().isBefore(until)) {
            relay.publishDue();
            clock.advance(Duration.ofSeconds(10));
        }
    }

    private List<Instant> attemptsOf(String taskId) {
        return attempts.stream().filter(a -> a.getKey().equals("task-created:" + taskId)).map(Map.Entry::getValue)
                .toList();
    }

    @Test
    void aStepOnlyWritesTheOutboxAndTheRelayPublishesWhatCommittedOnce() {
        snsAnswers(200, SnsWire.published("m-1"));
        NotificationRelay relay = relay(20);

        stepTransaction.executeWithoutResult(tx -> {
            sender.send(taskCreated("rolled-back", "CUST-CHURN-001"));
            tx.setRollbackOnly();
        });
        assertThat(sendInStep(taskCreated("t-1", "CUST-CHURN-001"))).isTrue();
        assertThat(publishRequests()).as("sending publishes nothing").isEmpty();
        assertThat(row("t-1").publishStatus()).isEqualTo(PublishStatus.PENDING);

        assertThat(relay.publishDue()).isEqualTo(1);
        assertThat(sendInStep(taskCreated("t-1", "CUST-CHURN-001"))).as("a duplicate key").isFalse();
        assertThat(relay.publishDue()).isZero();

        assertThat(publishRequests()).hasSize(1);
        var publish = SnsWire.publishInput(sns.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
        assertThat(AwsModelShapes.SNS.violations("Publish", publish)).isEmpty();
        assertThat(publish.path("MessageGroupId").asText()).isEqualTo("CUST-CHURN-001");
        assertThat(publish.path("MessageAttributes").path("riskTier").path("StringValue").asText()).isEqualTo("HIGH");
        assertThat(attempts).extracting(Map.Entry::getKey).containsExactly("task-created:t-1");
        SentNotification sent = row("t-1");
        assertThat(sent.publishStatus()).isEqualTo(PublishStatus.SENT);
        assertThat(sent.publishedAt()).isEqualTo(T0);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void snsDownForAnHourBacksOffThenEveryNotificationGoesOutOnceInOrderPerModel() throws Exception {
        snsAnswers(500, SnsWire.error("InternalError", "SNS is having a bad hour"));
        NotificationRelay relay = relay(20);
        sendInStep(taskCreated("a1", "MODEL-A"));
        sendInStep(taskCreated("a2", "MODEL-A"));
        sendInStep(taskCreated("b1", "MODEL-B"));
        runRelayUntil(relay, T0.plus(Duration.ofMinutes(5)));
        sendInStep(taskCreated("a3", "MODEL-A"));
        runRelayUntil(relay, T0.plus(Duration.ofHours(1)));

        // back-off: 30 s after the first failure, doubling; a2 and a3 wait behind a1 and are never tried
        List<Instant> expected = new ArrayList<>();
        for (long second : new long[] {0, 30, 90, 210, 450, 930, 1890}) {
            expected.add(T0.plusSeconds(second));
        }
        assertThat(attemptsOf("a1")).isEqualTo(expected);
        assertThat(attemptsOf("b1")).isEqualTo(expected);
        assertThat(attemptsOf("a2")).isEmpty();
        assertThat(attemptsOf("a3")).isEmpty();
        SentNotification waiting = row("a1");
        assertThat(waiting.publishStatus()).isEqualTo(PublishStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(7);
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(3810));
        assertThat(waiting.lastError()).contains("task-created:a1", "500").doesNotContain("AKIDTEST", "secret");
        List<Map<String, String>> failed = publishRequests();
        String a1Id = sha256("task-created:a1");
        assertThat(failed).as("every attempt, SDK retries included, has the same deduplication id")
                .filteredOn(p -> p.get("MessageGroupId").equals("MODEL-A"))
                .extracting(p -> p.get("MessageDeduplicationId")).hasSizeGreaterThanOrEqualTo(7).containsOnly(a1Id);
        assertThat(failed).filteredOn(p -> p.get("MessageGroupId").equals("MODEL-B"))
                .extracting(p -> p.get("MessageDeduplicationId")).containsOnly(sha256("task-created:b1"));

        sns.resetAll();
        snsAnswers(200, SnsWire.published("m-2"));
        runRelayUntil(relay, T0.plus(Duration.ofMinutes(75)));

        List<Map<String, String>> published = publishRequests();
        assertThat(published).filteredOn(p -> p.get("MessageGroupId").equals("MODEL-A"))
                .extracting(p -> p.get("MessageDeduplicationId"))
                .containsExactly(a1Id, sha256("task-created:a2"), sha256("task-created:a3"));
        assertThat(published).filteredOn(p -> p.get("MessageGroupId").equals("MODEL-B"))
                .extracting(p -> p.get("MessageDeduplicationId")).containsExactly(sha256("task-created:b1"));
        assertThat(attemptsOf("a1")).hasSize(8).last().isEqualTo(T0.plusSeconds(3810));
        for (String taskId : List.of("a1", "a2", "a3", "b1")) {
            assertThat(row(taskId).publishStatus()).isEqualTo(PublishStatus.SENT);
            assertThat(row(taskId).lastError()).isNull();
        }
        assertThat(row("a1").attempts()).isEqualTo(8);
    }

    @Test
    void aNotificationThatKeepsFailingEndsFailedAndStopsHoldingItsModelBack() throws Exception {
        snsAnswers(200, SnsWire.published("m-3"));
        sns.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(sha256("task-created:x1")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                        .withBody(SnsWire.error("InvalidParameter", "Invalid parameter: Message too long"))));
        NotificationRelay relay = relay(3);
        sendInStep(taskCreated("x1", "MODEL-X"));
        sendInStep(taskCreated("x2", "MODEL-X"));

        runRelayUntil(relay, T0.plus(Duration.ofMinutes(2)));

        SentNotification failed = row("x1");
        assertThat(failed.publishStatus()).isEqualTo(PublishStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.lastError()).contains("InvalidParameter");
        assertThat(sender.latest(null, PublishStatus.FAILED, 10)).extracting(SentNotification::id)
                .containsExactly(failed.id());
        assertThat(attemptsOf("x1")).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(90));
        assertThat(attemptsOf("x2")).as("published once x1 was given up").containsExactly(T0.plusSeconds(100));

        runRelayUntil(relay, T0.plus(Duration.ofHours(1)));
        assertThat(attemptsOf("x1")).as("a FAILED notification is not retried").hasSize(3);
        assertThat(row("x2").publishStatus()).isEqualTo(PublishStatus.SENT);
    }
}
