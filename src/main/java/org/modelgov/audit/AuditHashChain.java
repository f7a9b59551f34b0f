package org.modelgov.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's hash chain: hash(n) = SHA-256(n, time, actor, action, entity, details, hash(n-1)), where n is
 * the event's chain position. Editing, inserting or deleting any sealed event changes a hash that a later event
 * depends on.
 */
public final class AuditHashChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditHashChain() {
    }

    public static String hash(long chainSeq, Instant occurredAt, String actor, String action, String entityType,
                              String entityId, String details, String prevHash) {
        // a unit separator between fields, so "ab"+"c" and "a"+"bc" hash differently
        String canonical = String.join("\u001f", Long.toString(chainSeq), occurredAt.toString(), actor, action,
                entityType, entityId, details, prevHash);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hashOf(AuditEvent e) {
        return hash(e.chainSeq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(), e.details(),
                e.prevHash());
    }

    /**
     * Checks sealed events in chain order, starting after {@code previousHash} at chain position
     * {@code previousSeq}.
     *
     * @return the first event that breaks the chain, if any
     */
    public static Optional<Break> firstBreak(List<AuditEvent> events, long previousSeq, String previousHash) {
        long expectedSeq = previousSeq + 1;
        String expectedPrev = previousHash;
        for (AuditEvent e : events) {
            if (e.chainSeq() == null || e.chainSeq() != expectedSeq) {
                return Optional.of(new Break(expectedSeq, "the event at chain position " + expectedSeq + " is missing"));
            }
            if (!expectedPrev.equals(e.prevHash())) {
                return Optional.of(new Break(expectedSeq, "event #" + e.seq() + " does not link to the event before it"));
            }
            if (!hashOf(e).equals(e.hash())) {
                return Optional.of(new Break(expectedSeq, "the content of event #" + e.seq()
                        + " does not match its hash (altered)"));
            }
            expectedSeq++;
            expectedPrev = e.hash();
        }
        return Optional.empty();
    }

    /** Where (a chain position) and why the chain is broken; the reason names the event's id ({@code #seq}). */
    public record Break(long seq, String reason) {
    }
}
