package org.modelgov.pipeline.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.modelgov.pipeline.PipelineGate;
import org.modelgov.pipeline.PipelineGateRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPipelineGateRepository implements PipelineGateRepository {

    private static final String COLUMNS = "id, task_token, model_package_arn, version_id, registered_by, received_at,"
            + " answered_at, outcome";

    private final JdbcClient jdbc;

    JdbcPipelineGateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(PipelineGate g) {
        jdbc.sql("INSERT INTO modelgov.pipeline_gate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(g.id(), g.taskToken(), g.modelPackageArn(), g.versionId(), g.registeredBy(), utc(g.receivedAt()),
                        utc(g.answeredAt()), g.outcome())
                .update();
    }

    @Override
    public Optional<PipelineGate> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.pipeline_gate WHERE id = ?").param(id)
                .query(JdbcPipelineGateRepository::gate).optional();
    }

    @Override
    public Optional<PipelineGate> openByToken(String taskToken) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.pipeline_gate WHERE task_token = ? AND answered_at IS NULL")
                .param(taskToken).query(JdbcPipelineGateRepository::gate).list().stream().findFirst();
    }

    @Override
    public List<PipelineGate> open(String versionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.pipeline_gate WHERE version_id = ? AND answered_at IS NULL"
                        + " ORDER BY received_at")
                .param(versionId).query(JdbcPipelineGateRepository::gate).list();
    }

    @Override
    public List<PipelineGate> allOpen() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.pipeline_gate WHERE answered_at IS NULL ORDER BY received_at")
                .query(JdbcPipelineGateRepository::gate).list();
    }

    @Override
    public void answered(String id, String outcome, Instant at) {
        jdbc.sql("UPDATE modelgov.pipeline_gate SET answered_at = ?, outcome = ? WHERE id = ?")
                .params(utc(at), outcome, id).update();
    }

    @Override
    public void heartbeat(String id, Instant at) {
        jdbc.sql("UPDATE modelgov.pipeline_gate SET last_heartbeat_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static PipelineGate gate(ResultSet rs, int row) throws SQLException {
        OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
        return new PipelineGate(rs.getString("id"), rs.getString("task_token"), rs.getString("model_package_arn"),
                rs.getString("version_id"), rs.getString("registered_by"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                answered == null ? null : answered.toInstant(), rs.getString("outcome"));
    }
}
