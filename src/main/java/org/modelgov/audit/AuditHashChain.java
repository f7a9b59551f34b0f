package org.modelgov.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's hash chain: hash(n) = SHA-256(seq, time, actor, action, entity, details, hash(n-1)).
 * Editing, inserting or deleting any stored event changes a hash that a later event depends on.
 */
public final class AuditHashChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditHashChain() {
    }

    public static String hash(long seq, Instant occurredAt, String actor, String action, String entityType,
                              String entityId, String details, String prevHash) {
        // a unit separator between fields, so "ab"+"c" and "a"+"bc" hash differently
        String canonical = String.join("\u001f", Long.toString(seq), occurredAt.toString(), actor, action,
                entityType, entityId, details, prevHash);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hashOf(AuditEvent e) {
        return hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(), e.details(),
                e.prevHash());
    }

    /**
     * Checks events in sequence order, starting after {@code previousHash} at {@code previousSeq}.
     *
     * @return the first event that breaks the chain, if any
     */
    public static Optional<Break> firstBreak(List<AuditEvent> events, long previousSeq, String previousHash) {
        long expectedSeq = previousSeq + 1;
        String expectedPrev = previousHash;
        for (AuditEvent e : events) {
            if (e.seq() != expectedSeq) {
                return Optional.of(new Break(expectedSeq, "event " + expectedSeq + " is missing"));
            }
            if (!e.prevHash().equals(expectedPrev)) {
                return Optional.of(new Break(e.seq(), "does not link to the event before it"));
            }
            if (!hashOf(e).equals(e.hash())) {
                return Optional.of(new Break(e.seq(), "its content does not match its hash (altered)"));
            }
            expectedSeq++;
            expectedPrev = e.hash();
        }
        return Optional.empty();
    }

    /** Where and why the chain is broken. */
    public record Break(long seq, String reason) {
    }
}
