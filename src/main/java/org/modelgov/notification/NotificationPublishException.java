package org.modelgov.notification;

/** A publisher could not hand a notification on; the caller's transaction rolls back and its job retries. */
public class NotificationPublishException extends RuntimeException {

    public NotificationPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
