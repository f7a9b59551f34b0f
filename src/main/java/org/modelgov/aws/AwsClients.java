package org.modelgov.aws;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The AWS SDK clients of AWS mode, each with the same deliberate timeouts and retry policy. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
@EnableConfigurationProperties(AwsProperties.class)
public class AwsClients {

    @Bean(destroyMethod = "close")
    SageMakerClient sageMakerClient(AwsProperties aws) {
        return configure(SageMakerClient.builder(), aws, aws.endpoints().sagemaker()).build();
    }

    @Bean(destroyMethod = "close")
    SfnClient sfnClient(AwsProperties aws) {
        return configure(SfnClient.builder(), aws, aws.endpoints().sfn()).build();
    }

    @Bean(destroyMethod = "close")
    SnsClient snsClient(AwsProperties aws) {
        return configure(SnsClient.builder(), aws, aws.endpoints().sns()).build();
    }

    /** CloudWatch GetMetricData: the per-variant metrics of an endpoint under an A/B test. */
    @Bean(destroyMethod = "close")
    CloudWatchClient cloudWatchClient(AwsProperties aws) {
        return configure(CloudWatchClient.builder(), aws, aws.endpoints().cloudwatch()).build();
    }

    /** Fault Injection Service: the experiment a tabletop exercise may start. */
    @Bean(destroyMethod = "close")
    FisClient fisClient(AwsProperties aws) {
        return configure(FisClient.builder(), aws, aws.endpoints().fis()).build();
    }

    /** Secrets Manager: the database credentials (aws.secrets.DatabaseSecretConfig), read before the DataSource. */
    @Bean(destroyMethod = "close")
    SecretsManagerClient secretsManagerClient(AwsProperties aws) {
        return configure(SecretsManagerClient.builder(), aws, aws.endpoints().secretsmanager()).build();
    }

    /** Path-style addressing on a test endpoint (one host, buckets in the path); virtual hosts on AWS itself. */
    @Bean(destroyMethod = "close")
    S3Client s3Client(AwsProperties aws) {
        return configure(S3Client.builder(), aws, aws.endpoints().s3())
                .forcePathStyle(aws.endpoints().s3() != null).build();
    }

    static <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsProperties aws, URI endpoint) {
        builder.credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(aws.apiCallTimeout())
                        .apiCallAttemptTimeout(aws.apiCallAttemptTimeout())
                        // the standard strategy (throttling and 5xx with back-off) with our attempt count, in one
                        // strategy object: a mode and a separate configurator were two settings to reconcile
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(aws.maxAttempts()).build())
                        .build());
        if (aws.region() != null && !aws.region().isBlank()) {
            builder.region(Region.of(aws.region()));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
