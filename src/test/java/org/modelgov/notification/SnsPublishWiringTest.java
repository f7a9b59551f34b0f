package org.modelgov.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.aws.AwsProperties;
import org.modelgov.aws.sns.SnsNotificationPublisher;
import org.modelgov.aws.sns.SnsWire;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The outbox and its relay find the SNS publisher in AWS mode only. Sending never publishes, so SNS failing cannot
 * fail the caller: the row waits as PENDING and the relay's attempt records the failure for a later retry.
 */
class SnsPublishWiringTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:modelgov-notifications";

    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, OutboxNotificationSender.class, NotificationRelay.class,
                    SnsNotificationPublisher.class)
            .withPropertyValues("modelgov.aws.notification-topic-arns=" + TOPIC);

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    @EnableConfigurationProperties({AwsProperties.class, NotificationRelayProperties.class})
    static class Infrastructure {

        @Bean
        DataSource dataSource() {
            return OutboxDatabase.fresh();
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean(destroyMethod = "close")
        SnsClient snsClient() {
            return SnsWire.client(sns.baseUrl());
        }
    }

    private static Notification notification(String key) {
        return new Notification(key, "TASK_CREATED", "Validate CUST-CHURN-001:3", "Please validate.",
                List.of("validators"), List.of(), "CUST-CHURN-001");
    }

    /** Each run has its own database: the one notification in it. */
    private static SentNotification only(NotificationOutbox outbox) {
        List<SentNotification> rows = outbox.latest(null, 10);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void inAwsModeSendingNeverCallsSnsAndTheRelaysFailedAttemptKeepsTheRowPending() {
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody(SnsWire.error("InvalidParameter", "Invalid parameter: Message"))));

        context.withPropertyValues("modelgov.integration=aws").run(app -> {
            assertThat(app).hasSingleBean(SnsNotificationPublisher.class);
            NotificationOutbox outbox = app.getBean(NotificationOutbox.class);

            assertThat(app.getBean(NotificationSender.class).send(notification("task-created:w-1"))).isTrue();
            assertThat(only(outbox).publishStatus()).isEqualTo(PublishStatus.PENDING);
            assertThat(sns.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();

            assertThat(app.getBean(NotificationRelay.class).publishDue()).isZero();
            SentNotification retrying = only(outbox);
            assertThat(retrying.publishStatus()).isEqualTo(PublishStatus.PENDING);
            assertThat(retrying.attempts()).isEqualTo(1);
            assertThat(retrying.lastError()).contains("InvalidParameter");
            assertThat(sns.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(1);
        });
    }

    @Test
    void inLocalModeNothingIsPublishedAndTheOutboxKeepsTheNotification() {
        context.run(app -> {
            assertThat(app).doesNotHaveBean(SnsNotificationPublisher.class);
            NotificationOutbox outbox = app.getBean(NotificationOutbox.class);

            assertThat(app.getBean(NotificationSender.class).send(notification("task-created:w-2"))).isTrue();
            assertThat(app.getBean(NotificationRelay.class).publishDue()).isZero();

            assertThat(only(outbox).publishStatus()).isEqualTo(PublishStatus.LOCAL);
            assertThat(sns.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();
        });
    }
}
