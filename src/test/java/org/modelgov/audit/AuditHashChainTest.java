package org.modelgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHashChainTest {

    private static List<AuditEvent> chain(int length) {
        List<AuditEvent> events = new ArrayList<>();
        String prev = AuditHashChain.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq);
            String details = "{\"n\":" + seq + "}";
            String hash = AuditHashChain.hash(seq, at, "owner", "MODEL_CHANGED", "MODEL", "M-1", details, prev);
            events.add(new AuditEvent(seq, at, "owner", "MODEL_CHANGED", "MODEL", "M-1", details, prev, hash,
                    (long) seq));
            prev = hash;
        }
        return events;
    }

    @Test
    void anUntouchedChainVerifies() {
        assertThat(AuditHashChain.firstBreak(chain(5), 0, AuditHashChain.GENESIS)).isEmpty();
    }

    @Test
    void hashesAreSha256HexAndDependOnEveryField() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String base = AuditHashChain.hash(1, at, "a", "b", "c", "d", "{}", AuditHashChain.GENESIS);
        assertThat(base).hasSize(64).matches("[0-9a-f]+");
        assertThat(AuditHashChain.hash(1, at, "a", "b", "c", "d", "{ }", AuditHashChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHashChain.hash(2, at, "a", "b", "c", "d", "{}", AuditHashChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHashChain.hash(1, at, "ab", "", "c", "d", "{}", AuditHashChain.GENESIS))
                .as("field boundaries count").isNotEqualTo(AuditHashChain.hash(1, at, "a", "b", "c", "d", "{}",
                        AuditHashChain.GENESIS));
    }

    @Test
    void anEditedEventBreaksTheChainAtThatEvent() {
        List<AuditEvent> events = chain(5);
        AuditEvent e = events.get(2);
        events.set(2, new AuditEvent(e.seq(), e.occurredAt(), "mallory", e.action(), e.entityType(), e.entityId(),
                e.details(), e.prevHash(), e.hash(), e.chainSeq()));
        assertThat(AuditHashChain.firstBreak(events, 0, AuditHashChain.GENESIS))
                .hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(3));
    }

    @Test
    void aDeletedEventIsReportedMissing() {
        List<AuditEvent> events = chain(5);
        events.remove(1);
        assertThat(AuditHashChain.firstBreak(events, 0, AuditHashChain.GENESIS))
                .hasValueSatisfying(b -> assertThat(b.reason()).contains("missing"));
    }

    @Test
    void aRehashedEditStillBreaksTheLinkToTheNextEvent() {
        List<AuditEvent> events = chain(5);
        AuditEvent e = events.get(1);
        String forged = AuditHashChain.hash(e.seq(), e.occurredAt(), "mallory", e.action(), e.entityType(),
                e.entityId(), e.details(), e.prevHash());
        events.set(1, new AuditEvent(e.seq(), e.occurredAt(), "mallory", e.action(), e.entityType(), e.entityId(),
                e.details(), e.prevHash(), forged, e.chainSeq()));
        assertThat(AuditHashChain.firstBreak(events, 0, AuditHashChain.GENESIS))
                .hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(3));
    }

    @Test
    void theChainPositionNotTheIdIsHashedSoLateCommitsVerify() {
        // ids 10, 7, 12 sealed in that order at positions 1, 2, 3 (id 7 committed late)
        List<AuditEvent> events = new ArrayList<>();
        String prev = AuditHashChain.GENESIS;
        long[] ids = {10, 7, 12};
        for (int i = 0; i < ids.length; i++) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(ids[i]);
            String hash = AuditHashChain.hash(i + 1, at, "owner", "MODEL_CHANGED", "MODEL", "M-1", "{}", prev);
            events.add(new AuditEvent(ids[i], at, "owner", "MODEL_CHANGED", "MODEL", "M-1", "{}", prev, hash,
                    (long) i + 1));
            prev = hash;
        }
        assertThat(AuditHashChain.firstBreak(events, 0, AuditHashChain.GENESIS)).isEmpty();
        AuditEvent e = events.get(1);
        events.set(1, new AuditEvent(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                e.details(), e.prevHash(), e.hash(), 5L));
        assertThat(AuditHashChain.firstBreak(events, 0, AuditHashChain.GENESIS))
                .as("a moved chain position is a missing one").hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(2));
    }

    @Test
    void anUnsealedEventInsideTheChainIsABreak() {
        List<AuditEvent> events = chain(3);
        AuditEvent e = events.get(1);
        events.set(1, new AuditEvent(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                e.details(), null, null, null));
        assertThat(AuditHashChain.firstBreak(events, 0, AuditHashChain.GENESIS))
                .hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(2));
    }
}
