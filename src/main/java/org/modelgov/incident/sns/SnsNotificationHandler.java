package org.modelgov.incident.sns;

/** Port: what to do with an SNS notification once its signature has been verified (the incident intake). */
public interface SnsNotificationHandler {

    void onNotification(SnsMessage message);
}
