package org.modelgov.notification;

import java.util.List;
import java.util.Objects;

/**
 * Something people must hear about. {@code deduplicationKey} identifies the event (e.g.
 * {@code task-created:<taskId>}): sending the same key twice sends once (SNS FIFO deduplication id
 * in AWS mode, a unique key in the local outbox).
 */
public record Notification(
        String deduplicationKey,
        String eventType,
        String subject,
        String body,
        List<String> recipientGroups,
        List<String> recipientUsers,
        String modelId) {

    public Notification {
        Objects.requireNonNull(deduplicationKey, "deduplicationKey");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        recipientGroups = recipientGroups == null ? List.of() : List.copyOf(recipientGroups);
        recipientUsers = recipientUsers == null ? List.of() : List.copyOf(recipientUsers);
        subject = subject.length() > 200 ? subject.substring(0, 199) + "…" : subject;
        body = body.length() > 4000 ? body.substring(0, 3999) + "…" : body;
    }
}
