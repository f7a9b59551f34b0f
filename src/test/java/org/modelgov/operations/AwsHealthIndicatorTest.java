package org.modelgov.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.aws.AwsModelShapes;
import org.modelgov.support.SimulatedClock;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The AWS health check against SageMaker played by WireMock, and where it sits among the probes. */
class AwsHealthIndicatorTest {

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final OperationsProperties settings = new OperationsProperties(Duration.ofSeconds(15),
            Duration.ofSeconds(60));
    private SageMakerClient sageMaker;

    @BeforeEach
    void setUp() {
        aws.start();
        sageMaker = SageMakerClient.builder().endpointOverride(URI.create(aws.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1))
                        .build())
                .build();
    }

    @AfterEach
    void tearDown() {
        sageMaker.close();
        aws.stop();
    }

    @Test
    void upWhenSageMakerAnswersWithOneSmallRequestThatFitsItsModel() {
        answer(200, "{\"ModelPackageSummaryList\": []}");

        Health health = new AwsHealthIndicator(sageMaker, clock, settings).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("service", "SageMaker")
                .containsEntry("checkedAt", "2026-03-01T09:00:00Z");
        String body = requests().get(0).getBodyAsString();
        assertThat(AwsModelShapes.SAGEMAKER.violations("ListModelPackages", body)).isEmpty();
        assertThat(body).contains("\"MaxResults\":1");
    }

    @Test
    void downWithTheErrorCodeButNotTheMessageWhenAwsRefuses() {
        answer(400, "{\"__type\": \"AccessDeniedException\", \"Message\": \"User: arn:aws:sts::123456789012:assumed-role/"
                + "modelgov is not authorized to perform: sagemaker:ListModelPackages\"}");

        Health health = new AwsHealthIndicator(sageMaker, clock, settings).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "AccessDeniedException").containsEntry("httpStatus", 400);
        assertThat(health.getDetails().toString()).doesNotContain("123456789012");
    }

    @Test
    void downWhenNothingAnswers() {
        aws.stop();

        Health health = new AwsHealthIndicator(sageMaker, clock, settings).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "SdkClientException");
    }

    @Test
    void probesWithinTheCheckPeriodReuseTheLastAnswer() {
        answer(200, "{\"ModelPackageSummaryList\": []}");
        AwsHealthIndicator indicator = new AwsHealthIndicator(sageMaker, clock, settings);

        for (int probe = 0; probe < 5; probe++) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(requests()).as("five probes in 50 s").hasSize(1);

        answer(500, "{\"__type\": \"InternalFailure\"}");
        clock.advance(Duration.ofSeconds(10));
        assertThat(indicator.health().getStatus()).as("60 s after the first check").isEqualTo(Status.DOWN);
        assertThat(requests()).hasSize(2);
    }

    /** With application.yaml's health settings: AWS down shows in /actuator/health, the node stays ready. */
    @Test
    void awsDownLeavesReadinessUp() {
        answer(400, "{\"__type\": \"ExpiredTokenException\", \"Message\": \"The security token has expired\"}");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                        HealthEndpointAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
                        AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
                .withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addLast(applicationYaml().get(0)))
                .withPropertyValues("modelgov.integration=aws")
                .withBean(SageMakerClient.class, () -> sageMaker)
                .withBean(Clock.class, () -> clock)
                .withBean(OperationsProperties.class, () -> settings)
                .withUserConfiguration(AwsHealthIndicator.class)
                .run(context -> {
                    // what SpringApplication announces once the application has started and is ready
                    AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
                    AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
                    HealthEndpoint health = context.getBean(HealthEndpoint.class);

                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    HealthContributor aws = context.getBean(HealthContributorRegistry.class).getContributor("aws");
                    assertThat(((HealthIndicator) aws).health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
                    assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
                });
    }

    private static List<org.springframework.core.env.PropertySource<?>> applicationYaml() {
        try {
            return new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(int status, String json) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.ListModelPackages"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(json)));
    }

    private List<LoggedRequest> requests() {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("SageMaker.ListModelPackages")));
    }
}
