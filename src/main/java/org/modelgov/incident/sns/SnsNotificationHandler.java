package org.modelgov.incident.sns;

/**
 * Port: what to do with an SNS notification once its signature has been verified (the incident intakes). The
 * endpoint gives each notification to the first handler, in {@code @Order}, that {@link #handles} it: GuardDuty
 * finding events to the GuardDuty intake, everything else to the CloudWatch alarm intake (which tells the
 * administrators about anything it cannot read).
 */
public interface SnsNotificationHandler {

    void onNotification(SnsMessage message);

    /** Whether this handler takes the notification; the last handler in order takes whatever is left. */
    default boolean handles(SnsMessage message) {
        return true;
    }
}
