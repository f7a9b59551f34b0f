package org.modelgov.aws.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The wiring, in a context of just the DataSource, Flyway and the secret's configuration (not the whole app): with a
 * secret id in AWS mode the application's one DataSource is the pool over the secret's credentials, with the
 * configured pool settings, and Flyway migrates through it; without one, or in local mode, Spring Boot's DataSource
 * with {@code spring.datasource.*} is unchanged and Secrets Manager is not called.
 */
class DatabaseSecretConfigTest {

    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final SecretsManagerClient client;
    private final String url = "jdbc:h2:mem:config-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Connection keepAlive;

    DatabaseSecretConfigTest() throws SQLException {
        server.start();
        client = DatabaseSecretReaderTest.secretsManagerAt(server);
        keepAlive = DriverManager.getConnection(url, "sa", "");
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE USER app PASSWORD '" + PASSWORD + "' ADMIN");
        }
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute("SHUTDOWN");
        }
        keepAlive.close();
        client.close();
        server.stop();
    }

    private ApplicationContextRunner context(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withUserConfiguration(DatabaseSecretConfig.class)
                .withBean(SecretsManagerClient.class, () -> client)
                .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=sa",
                        "spring.datasource.password=", "spring.datasource.hikari.maximum-pool-size=7",
                        "spring.flyway.schemas=MODELGOV", "spring.flyway.default-schema=MODELGOV")
                .withPropertyValues(properties);
    }

    @Test
    void withASecretIdInAwsModeTheOneDataSourceLogsInWithTheSecretAndFlywayMigratesThroughIt() {
        DatabaseSecretReaderTest.secretIs(server, "{\"username\": \"APP\", \"password\": \"" + PASSWORD + "\"}");
        try (CapturedLogs logs = new CapturedLogs()) {
            context("modelgov.integration=aws", "modelgov.aws.secrets.database-secret-id=modelgov/db").run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
                HikariDataSource pool = context.getBean(HikariDataSource.class);
                assertThat(pool.getDataSource()).isInstanceOf(SecretCredentialsDataSource.class);
                assertThat(pool.getMaximumPoolSize()).as("spring.datasource.hikari.* still apply").isEqualTo(7);
                assertThat(pool.getUsername()).as("no credentials of the pool's own").isNull();
                JdbcClient jdbc = JdbcClient.create(pool);
                assertThat(jdbc.sql("SELECT CURRENT_USER").query(String.class).single()).isEqualTo("APP");
                assertThat(jdbc.sql("SELECT DISTINCT \"installed_by\" FROM MODELGOV.\"flyway_schema_history\"")
                        .query(String.class).list()).as("Flyway used the same DataSource").containsExactly("APP");
            });
            logs.assertNoneContains(PASSWORD);
        }
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(1);
    }

    @Test
    void withoutASecretIdSpringBootsDataSourceIsUnchangedAndSecretsManagerIsNotCalled() {
        context("modelgov.integration=aws", "modelgov.aws.secrets.database-secret-id=").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getDataSource()).isNull();
            assertThat(pool.getUsername()).isEqualTo("sa");
            assertThat(JdbcClient.create(pool).sql("SELECT CURRENT_USER").query(String.class).single()).isEqualTo("SA");
        });
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();
    }

    @Test
    void inLocalModeASecretIdIsNotRead() {
        context("modelgov.integration=local", "modelgov.aws.secrets.database-secret-id=modelgov/db").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(HikariDataSource.class).getDataSource()).isNull();
        });
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();
    }
}
