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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, DataSource dataSource, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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

    /** How many events match the query's filters. */
    long count(AuditQuery q) {
        Where where = where(q);
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** One page of the matching events, in the query's order. */
    List<AuditEvent> page(AuditQuery q) {
        Where where = where(q);
        List<Object> params = new ArrayList<>(where.params());
        params.add(q.size());
        params.add(q.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.audit_event" + where.sql() + order(q)
                        + " LIMIT ? OFFSET ?")
                .params(params).query(JdbcAuditTrail::event).list();
    }

    /** Every matching event, in the query's order, one at a time (exports: nothing is held in memory). */
    void forEach(AuditQuery q, Consumer<AuditEvent> consumer) {
        Where where = where(q);
        // a fetch size makes PostgreSQL send rows in batches (inside the caller's transaction) instead of all at once
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(EXPORT_FETCH_SIZE);
        streaming.query("SELECT " + COLUMNS + " FROM modelgov.audit_event" + where.sql() + order(q),
                (RowCallbackHandler) rs -> consumer.accept(event(rs, 0)), where.params().toArray());
    }

    /** When each event with one of these actions happened, from {@code since} on (the dashboard's throughput). */
    List<ActionAt> actionsSince(List<String> actions, Instant since) {
        String marks = String.join(", ", java.util.Collections.nCopies(actions.size(), "?"));
        List<Object> params = new ArrayList<>(actions);
        params.add(since.atOffset(ZoneOffset.UTC));
        return jdbc.sql("SELECT action, occurred_at FROM modelgov.audit_event WHERE action IN (" + marks + ")"
                        + " AND occurred_at >= ?")
                .params(params)
                .query((rs, n) -> new ActionAt(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static String order(AuditQuery q) {
        return q.newestFirst() ? " ORDER BY seq DESC" : " ORDER BY seq";
    }

    private static Where where(AuditQuery q) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.modelId() != null) {
            // the model itself, or anything under it (versions "M:1", incidents "M:INC-..."); LIKE wildcards escaped
            conditions.add("(entity_id = ? OR entity_id LIKE ? ESCAPE '\\')");
            params.add(q.modelId());
            params.add(q.modelId().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ":%");
        }
        if (q.user() != null) {
            conditions.add("actor = ?");
            params.add(q.user());
        }
        if (q.action() != null) {
            conditions.add("action = ?");
            params.add(q.action());
        }
        if (q.fromInstant() != null) {
            conditions.add("occurred_at >= ?");
            params.add(q.fromInstant().atOffset(ZoneOffset.UTC));
        }
        if (q.untilInstant() != null) {
            conditions.add("occurred_at < ?");
            params.add(q.untilInstant().atOffset(ZoneOffset.UTC));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private record Where(String sql, List<Object> params) {
    }

    /** One recorded action and when. */
    record ActionAt(String action, Instant at) {
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
