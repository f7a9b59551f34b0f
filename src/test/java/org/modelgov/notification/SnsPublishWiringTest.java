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
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The outbox finds the SNS publisher in AWS mode only, and sending is transactional by itself: a failed publish
 * leaves no outbox row even when the caller has no transaction.
 */
class SnsPublishWiringTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:modelgov-notifications";

    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, OutboxNotificationSender.class, SnsNotificationPublisher.class)
            .withPropertyValues("modelgov.aws.notification-topic-arns=" + TOPIC);

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    @EnableConfigurationProperties(AwsProperties.class)
    static class Infrastructure {

        @Bean
        DataSource dataSource() {
            DataSource dataSource = new DriverManagerDataSource(
                    "jdbc:h2:mem:wiring-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            Flyway.configure().dataSource(dataSource).schemas("MODELGOV").defaultSchema("MODELGOV")
                    .locations("classpath:db/migration").load().migrate();
            return dataSource;
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

    private static int outboxRows(JdbcClient jdbc, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.notification_outbox WHERE deduplication_key = ?").param(key)
                .query(Integer.class).single();
    }

    @Test
    void inAwsModeAFailedPublishLeavesNoOutboxRowEvenWithoutACallerTransaction() {
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody(SnsWire.error("InvalidParameter", "Invalid parameter: Message"))));

        context.withPropertyValues("modelgov.integration=aws").run(app -> {
            assertThat(app).hasSingleBean(SnsNotificationPublisher.class);
            NotificationSender sender = app.getBean(NotificationSender.class);

            assertThatThrownBy(() -> sender.send(notification("task-created:w-1")))
                    .isInstanceOf(NotificationPublishException.class);

            assertThat(outboxRows(app.getBean(JdbcClient.class), "task-created:w-1")).isZero();
            assertThat(sns.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(1);
        });
    }

    @Test
    void inLocalModeNothingIsPublishedAndTheOutboxKeepsTheNotification() {
        context.run(app -> {
            assertThat(app).doesNotHaveBean(SnsNotificationPublisher.class);

            assertThat(app.getBean(NotificationSender.class).send(notification("task-created:w-2"))).isTrue();

            assertThat(outboxRows(app.getBean(JdbcClient.class), "task-created:w-2")).isEqualTo(1);
            assertThat(sns.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();
        });
    }
}
