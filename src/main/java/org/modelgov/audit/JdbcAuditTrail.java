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
import java.util.LinkedHashMap;
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

/**
 * The audit log in the {@code modelgov.audit_event} table. Writers append without a lock (an id from a sequence);
 * {@link AuditSealer} later chains committed events under the lock on the chain head, which only it takes.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS =
            "seq, occurred_at, actor, action, entity_type, entity_id, details, prev_hash, hash, chain_seq";
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // no lock: concurrent writers on any node append side by side; the chain fields stay NULL until sealed
        jdbc.sql("INSERT INTO modelgov.audit_event (occurred_at, actor, action, entity_type, entity_id, model_id,"
                        + " details) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(now.atOffset(ZoneOffset.UTC), actor, action, entityType, entityId,
                        EventModel.of(entityType, entityId, details), detailJson)
                .update();
    }

    /** Everything recorded about a model and what belongs to it (versions, incidents, reports), oldest first. */
    List<AuditEvent> forModel(String modelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.audit_event WHERE model_id = ? ORDER BY seq")
                .param(modelId).query(JdbcAuditTrail::event).list();
    }

    /** When each action was last recorded about the model: one grouped read instead of every event. */
    Map<String, Instant> lastOccurrences(String modelId) {
        Map<String, Instant> last = new LinkedHashMap<>();
        jdbc.sql("SELECT action, MAX(occurred_at) AS last_at FROM modelgov.audit_event WHERE model_id = ?"
                        + " GROUP BY action ORDER BY action")
                .param(modelId)
                .query((RowCallbackHandler) rs -> last.put(rs.getString("action"),
                        rs.getObject("last_at", OffsetDateTime.class).toInstant()));
        return last;
    }

    List<AuditEvent> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.audit_event ORDER BY seq DESC LIMIT ?")
                .param(limit).query(JdbcAuditTrail::event).list();
    }

    /** Sealed events after chain position {@code afterChainSeq}, in chain order, at most {@code limit}. */
    List<AuditEvent> chainAfter(long afterChainSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.audit_event WHERE chain_seq > ? ORDER BY chain_seq"
                        + " LIMIT ?")
                .params(afterChainSeq, limit).query(JdbcAuditTrail::event).list();
    }

    /** The smallest chain position above {@code chainSeq}, if an event has one (none should: the head is last). */
    java.util.Optional<Long> firstChainSeqAbove(long chainSeq) {
        return jdbc.sql("SELECT chain_seq FROM modelgov.audit_event WHERE chain_seq > ? ORDER BY chain_seq LIMIT 1")
                .param(chainSeq).query(Long.class).list().stream().findFirst();
    }

    /** The chain head: the last sealed position and its hash. */
    ChainHead head() {
        return readHead("");
    }

    /** The chain head, read plainly or (" FOR UPDATE") locked until the caller's transaction ends. */
    private ChainHead readHead(String lock) {
        return jdbc.sql("SELECT last_seq, last_hash FROM modelgov.audit_chain_head WHERE id = 1" + lock)
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2))).single();
    }

    /** How many committed events wait for the sealer, and when the oldest of them was recorded. */
    Unsealed unsealed() {
        return jdbc.sql("SELECT COUNT(*), MIN(occurred_at) FROM modelgov.audit_event WHERE chain_seq IS NULL")
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Unsealed(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }).single();
    }

    boolean anyUnsealed() {
        return !jdbc.sql("SELECT seq FROM modelgov.audit_event WHERE chain_seq IS NULL LIMIT 1")
                .query(Long.class).list().isEmpty();
    }

    /**
     * Seals up to {@code limit} committed unsealed events, oldest id first, at the positions after the head; in
     * the caller's transaction, which holds the head row locked until it commits (two sealers queue on it).
     *
     * @return how many events were sealed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int sealNext(int limit) {
        ChainHead head = readHead(" FOR UPDATE");
        // read after the lock: a sealer that held it before us has committed, and this statement sees its work
        List<AuditEvent> pending = jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.audit_event"
                        + " WHERE chain_seq IS NULL ORDER BY seq LIMIT ?")
                .param(limit).query(JdbcAuditTrail::event).list();
        if (pending.isEmpty()) {
            return 0;
        }
        long position = head.lastSeq();
        String prev = head.lastHash();
        List<Object[]> updates = new ArrayList<>(pending.size());
        for (AuditEvent e : pending) {
            position++;
            String hash = AuditHashChain.hash(position, e.occurredAt(), e.actor(), e.action(), e.entityType(),
                    e.entityId(), e.details(), prev);
            updates.add(new Object[] {position, prev, hash, e.seq()});
            prev = hash;
        }
        int[] counts = new JdbcTemplate(dataSource).batchUpdate("UPDATE modelgov.audit_event"
                + " SET chain_seq = ?, prev_hash = ?, hash = ? WHERE seq = ? AND chain_seq IS NULL", updates);
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("an audit event was sealed by someone else while the chain head was"
                        + " locked; nothing of this batch is kept");
            }
        }
        jdbc.sql("UPDATE modelgov.audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(position, prev).update();
        return pending.size();
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

    /**
     * The model's sealed events up to chain position {@code upToChainSeq}, in chain order, one at a time (the
     * auditor's export).
     */
    void forEachModelEventInChain(String modelId, long upToChainSeq, Consumer<AuditEvent> consumer) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(EXPORT_FETCH_SIZE);
        streaming.query("SELECT " + COLUMNS + " FROM modelgov.audit_event WHERE model_id = ? AND chain_seq <= ?"
                        + " ORDER BY chain_seq",
                (RowCallbackHandler) rs -> consumer.accept(event(rs, 0)), modelId, upToChainSeq);
    }

    /** The chain links (position, previous hash, hash) from {@code fromChainSeq} to {@code toChainSeq}, in order. */
    void forEachLink(long fromChainSeq, long toChainSeq, Consumer<ChainLink> consumer) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(EXPORT_FETCH_SIZE);
        streaming.query("SELECT chain_seq, prev_hash, hash FROM modelgov.audit_event"
                        + " WHERE chain_seq >= ? AND chain_seq <= ? ORDER BY chain_seq",
                (RowCallbackHandler) rs -> consumer.accept(new ChainLink(rs.getLong(1), rs.getString(2),
                        rs.getString(3))), fromChainSeq, toChainSeq);
    }

    /** The chain position of the model's first sealed event, if it has one. */
    java.util.Optional<Long> firstChainSeqOfModel(String modelId) {
        return jdbc.sql("SELECT MIN(chain_seq) FROM modelgov.audit_event WHERE model_id = ?")
                .param(modelId).query(Long.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
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
            // the model itself and what belongs to it (versions "M:1", incidents "M:INC-...", reports)
            conditions.add("model_id = ?");
            params.add(q.modelId());
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

    /** The last sealed chain position and its hash. */
    record ChainHead(long lastSeq, String lastHash) {
    }

    /** Committed events not sealed yet: how many, and when the oldest was recorded (null when none). */
    record Unsealed(long count, Instant oldestRecordedAt) {
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
                rs.getString("entity_id"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"),
                rs.getObject("chain_seq", Long.class));
    }
}
