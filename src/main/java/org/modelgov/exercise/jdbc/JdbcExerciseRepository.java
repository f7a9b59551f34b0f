package org.modelgov.exercise.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.exercise.Exercise;
import org.modelgov.exercise.ExerciseRepository;
import org.modelgov.exercise.FaultExperiments;
import org.modelgov.inventory.RiskTier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcExerciseRepository implements ExerciseRepository {

    private static final String COLUMNS = "e.id, e.model_id, e.period_key, e.scenario_id, e.scenario_title,"
            + " e.incident_id, e.team, e.source, e.started_by, e.started_at, e.fault_template, e.fault_experiment_id,"
            + " e.fault_state, e.fault_reason, e.fault_started_at, e.fault_checked_at, e.fault_ended_at";
    private static final String TIMED = "SELECT " + COLUMNS + ", m.name AS model_name, i.status AS incident_status,"
            + " i.aware_at, i.triaged_at, i.contained_at, i.resolved_at, i.closed_at FROM modelgov.exercise e"
            + " JOIN modelgov.model m ON m.id = e.model_id LEFT JOIN modelgov.incident i ON i.id = e.incident_id";

    private final JdbcClient jdbc;

    JdbcExerciseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Candidate> candidates() {
        return jdbc.sql("SELECT m.id, m.risk_tier, MAX(e.started_at) AS last_started FROM modelgov.model m"
                        + " LEFT JOIN modelgov.exercise e ON e.model_id = m.id"
                        + " WHERE m.status IN ('APPROVED', 'IN_PRODUCTION') GROUP BY m.id, m.risk_tier ORDER BY m.id")
                .query((rs, row) -> new Candidate(rs.getString("id"), RiskTier.valueOf(rs.getString("risk_tier")),
                        instant(rs, "last_started")))
                .list();
    }

    @Override
    public boolean existsForPeriod(String modelId, String periodKey) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.exercise WHERE model_id = ? AND period_key = ?")
                .params(modelId, periodKey).query(Long.class).single() > 0;
    }

    @Override
    public void insert(Exercise e) {
        jdbc.sql("INSERT INTO modelgov.exercise (id, model_id, period_key, scenario_id, scenario_title, incident_id,"
                        + " team, source, started_by, started_at, fault_template) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.modelId(), e.periodKey(), e.scenarioId(), e.scenarioTitle(), e.incidentId(),
                        e.team(), e.source(), e.startedBy(), utc(e.startedAt()), e.faultTemplate())
                .update();
    }

    @Override
    public void setIncident(String exerciseId, String incidentId) {
        jdbc.sql("UPDATE modelgov.exercise SET incident_id = ? WHERE id = ?").params(incidentId, exerciseId).update();
    }

    @Override
    public Optional<Exercise> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.exercise e WHERE e.id = ?").param(id)
                .query(JdbcExerciseRepository::exercise).optional();
    }

    @Override
    public Optional<Exercise> findForUpdate(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.exercise e WHERE e.id = ? FOR UPDATE").param(id)
                .query(JdbcExerciseRepository::exercise).optional();
    }

    @Override
    public Optional<Exercise> findByIncident(String incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.exercise e WHERE e.incident_id = ?").param(incidentId)
                .query(JdbcExerciseRepository::exercise).optional();
    }

    @Override
    public Map<String, Instant> lastStartPerScenario(String modelId) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("SELECT scenario_id, MAX(started_at) AS last_started FROM modelgov.exercise WHERE model_id = ?"
                        + " GROUP BY scenario_id")
                .param(modelId)
                .query(rs -> {
                    last.put(rs.getString("scenario_id"), instant(rs, "last_started"));
                });
        return last;
    }

    @Override
    public void recordFaultStart(String exerciseId, String experimentId, Instant at) {
        jdbc.sql("UPDATE modelgov.exercise SET fault_experiment_id = ?, fault_started_at = ? WHERE id = ?")
                .params(experimentId, utc(at), exerciseId).update();
    }

    @Override
    public void recordFaultState(String exerciseId, FaultExperiments.Status state, String reason, Instant checkedAt,
                                 Instant endedAt) {
        jdbc.sql("UPDATE modelgov.exercise SET fault_state = ?, fault_reason = ?, fault_checked_at = ?,"
                        + " fault_ended_at = ? WHERE id = ?")
                .params(state.name(), reason == null || reason.length() <= 512 ? reason : reason.substring(0, 512),
                        utc(checkedAt), utc(endedAt), exerciseId)
                .update();
    }

    @Override
    public List<Timed> list(String modelId, int limit) {
        return jdbc.sql(TIMED + (modelId == null ? "" : " WHERE e.model_id = :model")
                        + " ORDER BY e.started_at DESC, e.id LIMIT :limit")
                .params(modelId == null ? Map.of() : Map.of("model", modelId)).param("limit", limit)
                .query(JdbcExerciseRepository::timed).list();
    }

    @Override
    public Optional<Timed> findTimed(String id) {
        return jdbc.sql(TIMED + " WHERE e.id = ?").param(id).query(JdbcExerciseRepository::timed).optional();
    }

    @Override
    public List<Timed> since(Instant since) {
        return jdbc.sql(TIMED + " WHERE e.started_at >= ? ORDER BY e.started_at, e.id").param(utc(since))
                .query(JdbcExerciseRepository::timed).list();
    }

    private static Timed timed(ResultSet rs, int row) throws SQLException {
        return new Timed(exercise(rs, row), rs.getString("model_name"), rs.getString("incident_status"),
                instant(rs, "aware_at"), instant(rs, "triaged_at"), instant(rs, "contained_at"),
                instant(rs, "resolved_at"), instant(rs, "closed_at"));
    }

    private static Exercise exercise(ResultSet rs, int row) throws SQLException {
        String state = rs.getString("fault_state");
        return new Exercise(rs.getString("id"), rs.getString("model_id"), rs.getString("period_key"),
                rs.getString("scenario_id"), rs.getString("scenario_title"), rs.getString("incident_id"),
                rs.getString("team"), rs.getString("source"), rs.getString("started_by"), instant(rs, "started_at"),
                rs.getString("fault_template"), rs.getString("fault_experiment_id"),
                state == null ? null : FaultExperiments.Status.valueOf(state), rs.getString("fault_reason"),
                instant(rs, "fault_started_at"), instant(rs, "fault_checked_at"), instant(rs, "fault_ended_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
