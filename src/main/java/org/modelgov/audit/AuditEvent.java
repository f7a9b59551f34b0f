package org.modelgov.audit;

import java.time.Instant;

/** One entry of the audit log, as stored; {@code details} is the JSON that was hashed. */
public record AuditEvent(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        String details,
        String prevHash,
        String hash) {
}
