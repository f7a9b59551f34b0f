package org.modelgov.notification;

/**
 * Port: hands a notification on to a channel outside ModelGov (SNS in AWS mode). Only {@link NotificationRelay}
 * calls it, after the transaction that wrote the notification committed and outside any database transaction. A
 * publisher that throws gets the same notification again later (with the same deduplication key), so delivery is
 * at least once; a publisher that can deduplicate (SNS FIFO) should use {@link Notification#deduplicationKey()}.
 */
public interface NotificationPublisher {

    void publish(Notification notification);
}
