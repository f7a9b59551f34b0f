package org.modelgov.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link NotificationRelay} publishes the outbox ({@code modelgov.notifications.*}).
 *
 * @param relayEnabled    run the relay every {@code relayInterval} on this node (tests turn it off and call it)
 * @param relayInterval   pause between two runs
 * @param firstRetryDelay wait after the first failed attempt; it doubles with every further failure
 * @param maxRetryDelay   the longest wait between two attempts
 * @param maxAttempts     attempts before a notification is FAILED (shown on /notifications, never retried)
 * @param claimLease      how long a relay owns a row it is publishing; longer than one publish with SDK retries
 * @param batchSize       rows looked at per run
 */
@ConfigurationProperties("modelgov.notifications")
public record NotificationRelayProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("PT10S") Duration relayInterval,
        @DefaultValue("PT30S") Duration firstRetryDelay,
        @DefaultValue("PT1H") Duration maxRetryDelay,
        @DefaultValue("20") int maxAttempts,
        @DefaultValue("PT5M") Duration claimLease,
        @DefaultValue("100") int batchSize) {

    public NotificationRelayProperties {
        if (maxAttempts < 1 || batchSize < 1 || firstRetryDelay.isNegative() || claimLease.isNegative()) {
            throw new IllegalArgumentException("modelgov.notifications: max-attempts and batch-size must be at least 1,"
                    + " first-retry-delay and claim-lease not negative");
        }
    }

    /** The defaults above. */
    public static NotificationRelayProperties defaults() {
        return new NotificationRelayProperties(true, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofHours(1), 20, Duration.ofMinutes(5), 100);
    }

    /** The wait after the {@code failures}-th failed attempt: 30 s, 1 min, 2 min, ... at most {@code maxRetryDelay}. */
    Duration retryDelay(int failures) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
