package org.modelgov.notification;

import java.time.Instant;
import java.util.List;

/** A notification as the outbox recorded it. */
public record SentNotification(
        String id,
        String eventType,
        String subject,
        String body,
        List<String> recipientGroups,
        List<String> recipientUsers,
        String modelId,
        Instant createdAt) {
}
