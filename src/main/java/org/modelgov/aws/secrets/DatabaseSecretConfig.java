package org.modelgov.aws.secrets;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * AWS mode with {@code modelgov.aws.secrets.database-secret-id} (MODELGOV_DB_SECRET_ID): the application's one
 * DataSource, used by ModelGov, Flyway and Camunda alike, takes its credentials from that secret instead of
 * {@code spring.datasource.username/password}. Spring Boot's own DataSource then backs off; the pool settings
 * ({@code spring.datasource.hikari.*}) still apply. Without the property nothing changes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
@Conditional(DatabaseSecretConfig.SecretIdGiven.class)
@EnableConfigurationProperties(SecretsProperties.class)
class DatabaseSecretConfig {

    static final String SECRET_ID = "modelgov.aws.secrets.database-secret-id";

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(SecretsManagerClient secretsManager, DataSourceProperties dataSource,
                                SecretsProperties secrets) {
        String id = secrets.databaseSecretId().trim();
        return SecretCredentialsDataSource.pool(new SecretCredentialsDataSource(
                new DatabaseSecretReader(secretsManager, id), id, dataSource.determineUrl(), Clock.systemUTC(),
                secrets.minRefreshInterval()));
    }

    /** The property is set and not blank (an empty MODELGOV_DB_SECRET_ID means: no secret). */
    static class SecretIdGiven implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(SECRET_ID));
        }
    }
}
