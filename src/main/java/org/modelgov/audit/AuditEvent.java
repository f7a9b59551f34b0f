package org.modelgov.audit;

import java.time.Instant;

/**
 * One entry of the audit log, as stored; {@code details} is the JSON that was hashed. {@code seq} is the id, in
 * the order events were recorded; {@code chainSeq}, {@code prevHash} and {@code hash} are set when the event is
 * sealed into the hash chain ({@link AuditSealer}) and are null until then.
 */
public record AuditEvent(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        String details,
        String prevHash,
        String hash,
        Long chainSeq) {

    public boolean sealed() {
        return chainSeq != null;
    }
}
