package org.modelgov.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.aws.AwsModelShapes;
import org.modelgov.aws.sns.SnsNotificationPublisher;
import org.modelgov.aws.sns.SnsWire;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * AWS mode's notification path: the outbox keeps every notification and, for a new deduplication key only,
 * publishes it to SNS in the caller's transaction.
 */
class SnsPublishingOutboxTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:modelgov-notifications.fifo";

    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private SnsClient client;
    private JdbcClient jdbc;
    private TransactionTemplate callerTransaction;
    private OutboxNotificationSender sender;

    @BeforeEach
    void outboxWithSnsPublisher() {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).schemas("MODELGOV").defaultSchema("MODELGOV")
                .locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        callerTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        client = SnsWire.client(sns.baseUrl());
        var publishers = new StaticListableBeanFactory(Map.of("sns", new SnsNotificationPublisher(client, List.of(TOPIC))))
                .getBeanProvider(NotificationPublisher.class);
        sender = new OutboxNotificationSender(jdbc, Clock.systemUTC(), publishers);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Notification taskCreated(String taskId) {
        return new Notification("task-created:" + taskId, "TASK_CREATED", "Sign off CUST-CHURN-001:3", "Please sign off.",
                List.of("model-risk-committee"), List.of(), "CUST-CHURN-001");
    }

    private int outboxRows(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.notification_outbox WHERE deduplication_key = ?").param(key)
                .query(Integer.class).single();
    }

    private static int publishes() {
        return sns.findAll(postRequestedFor(urlEqualTo("/"))).size();
    }

    @Test
    void aNewNotificationIsKeptInTheOutboxAndPublishedOnceAndItsDuplicateIsNeither() {
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody(SnsWire.published("m-1"))));

        Boolean first = callerTransaction.execute(tx -> sender.send(taskCreated("t-1")));
        Boolean again = callerTransaction.execute(tx -> sender.send(taskCreated("t-1")));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(outboxRows("task-created:t-1")).isEqualTo(1);
        assertThat(publishes()).isEqualTo(1);
        var publish = SnsWire.publishInput(sns.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
        assertThat(AwsModelShapes.SNS.violations("Publish", publish)).isEmpty();
        assertThat(sender.latest("CUST-CHURN-001", 10)).extracting(SentNotification::subject)
                .containsExactly("Sign off CUST-CHURN-001:3");
    }

    @Test
    void aFailedPublishRollsTheOutboxRowBackSoTheRetriedJobKeepsAndPublishesIt() {
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody(SnsWire.error("InvalidParameter", "Invalid parameter: TopicArn"))));

        assertThatThrownBy(() -> callerTransaction.execute(tx -> sender.send(taskCreated("t-2"))))
                .isInstanceOf(NotificationPublishException.class);
        assertThat(outboxRows("task-created:t-2")).isZero();

        sns.resetAll();
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody(SnsWire.published("m-2"))));
        Boolean retried = callerTransaction.execute(tx -> sender.send(taskCreated("t-2")));

        assertThat(retried).isTrue();
        assertThat(outboxRows("task-created:t-2")).isEqualTo(1);
        assertThat(publishes()).isEqualTo(1);
    }
}
