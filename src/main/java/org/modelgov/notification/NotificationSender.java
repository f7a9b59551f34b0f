package org.modelgov.notification;

/**
 * Port: sends notifications. The local adapter keeps an outbox table (shown in the UI and logged);
 * the AWS adapter (modelgov.integration=aws) will publish to SNS. Sending is idempotent per
 * deduplication key.
 */
public interface NotificationSender {

    /** @return false when a notification with the same deduplication key was already sent */
    boolean send(Notification notification);
}
