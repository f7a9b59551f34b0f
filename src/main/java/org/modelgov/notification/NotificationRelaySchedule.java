package org.modelgov.notification;

import java.time.Duration;
import org.modelgov.background.BackgroundJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the relay once every {@code modelgov.notifications.relay-interval} across the cluster (a background job
 * under a lease, like the other background work); the row claims still keep a slow run and the next one from
 * publishing a row twice. {@code modelgov.notifications.relay-enabled=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.notifications.relay-enabled", havingValue = "true", matchIfMissing = true)
class NotificationRelaySchedule {

    @Bean
    BackgroundJob notificationRelayJob(NotificationRelay relay,
                                       @Value("${modelgov.notifications.relay-interval:PT10S}") Duration interval) {
        return new BackgroundJob("notification-relay", interval, interval, relay::publishDue);
    }
}
