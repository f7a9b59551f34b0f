package org.modelgov.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit log in the {@code modelgov.audit_event} table, chained under a lock on the chain head. */
@Repository
class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS =
            "seq, occurred_at, actor, action, entity_type, entity_id, details, prev_hash, hash";
    static final int MAX_DETAILS = 16000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entityType, String entityId, Map<String, ?> details) {
        String detailJson = toJson(details);
        // the lock makes concurrent writers, on this node or another, append one after the other
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM modelgov.audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHashChain.hash(seq, now, actor, action, entityType, entityId, detailJson, head.hash());
        jdbc.sql("INSERT INTO modelgov.audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, now.atOffset(ZoneOffset.UTC), actor, action, entityType, entityId, detailJson,
                        head.hash(), hash)
                .update();
        jdbc.sql("UPDATE modelgov.audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(seq, hash).update();
    }

    List<AuditEvent> forEntityPrefix(String entityIdPrefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.audit_event WHERE entity_id = ? OR entity_id LIKE ?"
                        + " ORDER BY seq")
                .params(entityIdPrefix, entityIdPrefix + ":%").query(JdbcAuditTrail::event).list();
    }

    List<AuditEvent> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.audit_event ORDER BY seq DESC LIMIT ?")
                .param(limit).query(JdbcAuditTrail::event).list();
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code limit}. */
    List<AuditEvent> after(long afterSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.audit_event WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(afterSeq, limit).query(JdbcAuditTrail::event).list();
    }

    long headSeq() {
        return jdbc.sql("SELECT last_seq FROM modelgov.audit_chain_head WHERE id = 1").query(Long.class).single();
    }

    private String toJson(Map<String, ?> details) {
        try {
            String text = json.writeValueAsString(details);
            if (text.length() > MAX_DETAILS) {
                throw new IllegalArgumentException("audit details longer than " + MAX_DETAILS + " characters");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private record Head(long seq, String hash) {
    }
}
