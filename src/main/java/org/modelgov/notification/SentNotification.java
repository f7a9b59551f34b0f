package org.modelgov.notification;

import java.time.Instant;
import java.util.List;

/**
 * A notification as the outbox recorded it, and how far publishing it got: {@code attempts}, {@code nextAttemptAt}
 * and {@code lastError} say why a PENDING or FAILED one has not gone out.
 */
public record SentNotification(
        String id,
        String eventType,
        String subject,
        String body,
        List<String> recipientGroups,
        List<String> recipientUsers,
        String modelId,
        String riskTier,
        String severity,
        Instant createdAt,
        PublishStatus publishStatus,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant publishedAt) {
}
