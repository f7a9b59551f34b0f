package org.modelgov.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AWS mode ({@code modelgov.integration=aws}). Credentials come only from the SDK's default provider chain
 * (environment, profile, container or instance role): never from ModelGov's configuration.
 *
 * @param region              the AWS region (else the SDK's default region chain)
 * @param endpoints           per-service endpoint overrides (VPC interface endpoints, tests)
 * @param apiCallTimeout      whole call including SDK retries
 * @param apiCallAttemptTimeout one HTTP attempt
 * @param maxAttempts         SDK attempts per call (standard retry strategy: throttling and 5xx retried with
 *                            back-off); after that the job's own retry cycle takes over, then a Cockpit incident
 * @param notificationTopicArns SNS topics every notification is published to
 */
@ConfigurationProperties("modelgov.aws")
public record AwsProperties(
        String region,
        @DefaultValue Endpoints endpoints,
        @DefaultValue("PT30S") Duration apiCallTimeout,
        @DefaultValue("PT10S") Duration apiCallAttemptTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue List<String> notificationTopicArns) {

    public record Endpoints(URI sagemaker, URI sfn, URI sns, URI s3, URI cloudwatch, URI fis, URI secretsmanager) {
    }
}
