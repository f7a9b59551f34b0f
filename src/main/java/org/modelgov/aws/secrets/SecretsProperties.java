package org.modelgov.aws.secrets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Secrets Manager in AWS mode ({@code modelgov.aws.secrets}).
 *
 * @param databaseSecretId   the secret (name or ARN) with the database credentials in the RDS format; blank: the
 *                           credentials are {@code spring.datasource}'s (MODELGOV_DB_USER / MODELGOV_DB_PASSWORD)
 * @param minRefreshInterval the secret is re-read after a refused login at most once per this interval
 */
@ConfigurationProperties("modelgov.aws.secrets")
public record SecretsProperties(String databaseSecretId, @DefaultValue("PT30S") Duration minRefreshInterval) {
}
