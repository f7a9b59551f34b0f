package org.modelgov.notification;

/**
 * Port: sends notifications. The adapter writes them to an outbox table in the caller's transaction (shown in the
 * UI and logged); in AWS mode {@link NotificationRelay} publishes them to SNS after commit. Sending is idempotent
 * per deduplication key.
 */
public interface NotificationSender {

    /** @return false when a notification with the same deduplication key was already sent */
    boolean send(Notification notification);
}
