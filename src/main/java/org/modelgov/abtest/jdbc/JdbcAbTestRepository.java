package org.modelgov.abtest.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.modelgov.abtest.AbTest;
import org.modelgov.abtest.AbTestOutcome;
import org.modelgov.abtest.AbTestRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A/B tests in {@code modelgov.ab_test} (V19). */
@Repository
class JdbcAbTestRepository implements AbTestRepository {

    private static final String COLUMNS = "id, version_id, model_id, endpoint_name, champion_variant,"
            + " challenger_variant, challenger_share, policy, decided_at, started_at, window_ends_at, ended_at,"
            + " outcome, outcome_reason, stopped_by, stop_reason, stop_requested_at, evidence_report_id, promoted_at";

    private final JdbcClient jdbc;

    JdbcAbTestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AbTest t) {
        jdbc.sql("INSERT INTO modelgov.ab_test (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?)")
                .params(t.id(), t.versionId(), t.modelId(), t.endpointName(), t.championVariant(),
                        t.challengerVariant(), t.challengerShare(), t.policyJson(), at(t.decidedAt()),
                        at(t.startedAt()), at(t.windowEndsAt()), at(t.endedAt()),
                        t.outcome() == null ? null : t.outcome().name(), t.outcomeReason(), t.stoppedBy(),
                        t.stopReason(), at(t.stopRequestedAt()), t.evidenceReportId(), at(t.promotedAt()))
                .update();
    }

    @Override
    public Optional<AbTest> latestForUpdate(String versionId) {
        // lock the newest row only: the others are history
        return latest(versionId).flatMap(t -> jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.ab_test WHERE id = ?"
                + " FOR UPDATE").param(t.id()).query(JdbcAbTestRepository::row).optional());
    }

    @Override
    public Optional<AbTest> latest(String versionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.ab_test WHERE version_id = ?"
                        + " ORDER BY decided_at DESC, id DESC LIMIT 1")
                .param(versionId).query(JdbcAbTestRepository::row).optional();
    }

    @Override
    public List<AbTest> ofModel(String modelId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.ab_test WHERE model_id = ?"
                        + " ORDER BY decided_at DESC, id DESC LIMIT ?")
                .params(modelId, limit).query(JdbcAbTestRepository::row).list();
    }

    @Override
    public Optional<AbTest> runningOfModelForUpdate(String modelId) {
        // the model row first: a stop and the stage's own steps on the same model take turns
        jdbc.sql("SELECT id FROM modelgov.model WHERE id = ? FOR UPDATE").param(modelId).query(String.class).list();
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.ab_test WHERE model_id = ? AND outcome IS NULL"
                        + " ORDER BY decided_at DESC, id DESC LIMIT 1")
                .param(modelId).query(JdbcAbTestRepository::row).optional();
    }

    @Override
    public void startWindow(String id, Instant startedAt, Instant windowEndsAt) {
        jdbc.sql("UPDATE modelgov.ab_test SET started_at = ?, window_ends_at = ? WHERE id = ?")
                .params(at(startedAt), at(windowEndsAt), id).update();
    }

    @Override
    public void end(String id, AbTestOutcome outcome, String reason, Instant endedAt, String evidenceReportId) {
        jdbc.sql("UPDATE modelgov.ab_test SET outcome = ?, outcome_reason = ?, ended_at = ?, evidence_report_id = ?"
                        + " WHERE id = ?")
                .params(outcome.name(), clip(reason), at(endedAt), evidenceReportId, id).update();
    }

    @Override
    public void requestStop(String id, String stoppedBy, String reason, Instant at) {
        jdbc.sql("UPDATE modelgov.ab_test SET stopped_by = ?, stop_reason = ?, stop_requested_at = ? WHERE id = ?")
                .params(stoppedBy, clip(reason), at(at), id).update();
    }

    @Override
    public void promoted(String id, Instant at) {
        jdbc.sql("UPDATE modelgov.ab_test SET promoted_at = ? WHERE id = ?").params(at(at), id).update();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static AbTest row(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new AbTest(rs.getString("id"), rs.getString("version_id"), rs.getString("model_id"),
                rs.getString("endpoint_name"), rs.getString("champion_variant"), rs.getString("challenger_variant"),
                rs.getDouble("challenger_share"), rs.getString("policy"), instant(rs, "decided_at"),
                instant(rs, "started_at"), instant(rs, "window_ends_at"), instant(rs, "ended_at"),
                outcome == null ? null : AbTestOutcome.valueOf(outcome), rs.getString("outcome_reason"),
                rs.getString("stopped_by"), rs.getString("stop_reason"), instant(rs, "stop_requested_at"),
                rs.getString("evidence_report_id"), instant(rs, "promoted_at"));
    }
}
