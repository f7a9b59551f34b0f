package org.modelgov.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackagesRequest;

/**
 * AWS mode: whether SageMaker answers ModelGov's credentials, as the {@code aws} component of
 * {@code /actuator/health}. One ListModelPackages call for a single package (a read the IAM policy of the README
 * already grants), at most once per {@code modelgov.operations.aws-check-max-age}: probes and dashboards may call
 * the health endpoint every second without reaching AWS. Deliberately not part of readiness: a node that cannot
 * reach AWS still serves pages, Tasklist and the API, and its AWS steps wait in the job executor's retries.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class AwsHealthIndicator implements HealthIndicator {

    /** A probe answers quickly or counts as unreachable; the SDK's own call timeout is made for real work. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final SageMakerClient sageMaker;
    private final Clock clock;
    private final Duration maxAge;
    private Health last;
    private Instant checkedAt;

    AwsHealthIndicator(SageMakerClient sageMaker, Clock clock, OperationsProperties settings) {
        this.sageMaker = sageMaker;
        this.clock = clock;
        this.maxAge = settings.awsCheckMaxAge();
    }

    /** Concurrent callers wait for the one check in flight instead of each calling AWS. */
    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(maxAge))) {
            last = check(now);
            checkedAt = now;
        }
        return last;
    }

    private Health check(Instant now) {
        Health.Builder health;
        try {
            sageMaker.listModelPackages(ListModelPackagesRequest.builder().maxResults(1)
                    .overrideConfiguration(call -> call.apiCallTimeout(CALL_TIMEOUT)).build());
            health = Health.up();
        } catch (AwsServiceException e) {
            // AWS answered but refused (expired credentials, missing permission, throttling): the error code says
            // which; the message is left out, it may name the account
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            health = Health.down().withDetail("error", code != null ? code : e.getClass().getSimpleName())
                    .withDetail("httpStatus", e.statusCode());
        } catch (SdkException e) {
            // no answer: network, DNS, endpoint, timeout, or no credentials on this node
            health = Health.down().withDetail("error", e.getClass().getSimpleName());
        }
        return health.withDetail("service", "SageMaker").withDetail("checkedAt", now.toString()).build();
    }
}
