package org.modelgov.notification;

/**
 * Port: hands a notification on to a channel outside ModelGov (SNS in AWS mode). The outbox calls every publisher
 * once per new deduplication key, inside the caller's transaction: a publisher that throws rolls the outbox row
 * back, so the calling job fails and its retry publishes again. Delivery is therefore at least once; a publisher
 * that can deduplicate (SNS FIFO) should use {@link Notification#deduplicationKey()}.
 */
public interface NotificationPublisher {

    void publish(Notification notification);
}
