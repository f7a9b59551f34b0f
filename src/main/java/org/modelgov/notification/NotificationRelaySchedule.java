package org.modelgov.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the relay on every node every {@code modelgov.notifications.relay-interval}: the claims let the nodes share
 * the work without publishing a row twice. {@code modelgov.notifications.relay-enabled=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.notifications.relay-enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class NotificationRelaySchedule {

    private final NotificationRelay relay;

    NotificationRelaySchedule(NotificationRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${modelgov.notifications.relay-interval:PT10S}",
            initialDelayString = "${modelgov.notifications.relay-interval:PT10S}")
    void relay() {
        relay.publishDue();
    }
}
