package org.modelgov.notification;

import java.util.List;
import java.util.Objects;

/**
 * Something people must hear about. {@code deduplicationKey} identifies the event (e.g.
 * {@code task-created:<taskId>}): sending the same key twice sends once (SNS FIFO deduplication id
 * in AWS mode, a unique key in the local outbox). {@code modelId}, {@code riskTier} and {@code severity} are
 * optional (null when the event has none); AWS mode publishes them as SNS message attributes that subscriptions
 * can filter on.
 */
public record Notification(
        String deduplicationKey,
        String eventType,
        String subject,
        String body,
        List<String> recipientGroups,
        List<String> recipientUsers,
        String modelId,
        String riskTier,
        String severity) {

    public Notification {
        Objects.requireNonNull(deduplicationKey, "deduplicationKey");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        recipientGroups = recipientGroups == null ? List.of() : List.copyOf(recipientGroups);
        recipientUsers = recipientUsers == null ? List.of() : List.copyOf(recipientUsers);
        subject = subject.length() > 200 ? subject.substring(0, 199) + "…" : subject;
        body = body.length() > 4000 ? body.substring(0, 3999) + "…" : body;
        riskTier = blankToNull(riskTier);
        severity = blankToNull(severity);
    }

    /** A notification that carries no risk tier and no severity. */
    public Notification(String deduplicationKey, String eventType, String subject, String body,
                        List<String> recipientGroups, List<String> recipientUsers, String modelId) {
        this(deduplicationKey, eventType, subject, body, recipientGroups, recipientUsers, modelId, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
