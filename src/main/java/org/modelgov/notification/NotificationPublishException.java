package org.modelgov.notification;

/** A publisher could not hand a notification on; the relay keeps the row and tries again later. */
public class NotificationPublishException extends RuntimeException {

    public NotificationPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
