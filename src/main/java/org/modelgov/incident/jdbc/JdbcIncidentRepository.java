package org.modelgov.incident.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentRepository;
import org.modelgov.incident.IncidentStatus;
import org.modelgov.incident.IncidentType;
import org.modelgov.incident.SeriousKind;
import org.modelgov.incident.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIncidentRepository implements IncidentRepository {

    /** Record component → column, for the columns that change after an incident is opened. */
    private static final Map<String, String> UPDATABLE = Map.ofEntries(
            Map.entry("status", "status"), Map.entry("severity", "severity"), Map.entry("serious", "serious"),
            Map.entry("seriousKind", "serious_kind"), Map.entry("rootCause", "root_cause"),
            Map.entry("affectedPopulation", "affected_population"), Map.entry("remediation", "remediation"),
            Map.entry("remediationNotes", "remediation_notes"), Map.entry("reportReference", "report_reference"),
            Map.entry("lessonsLearned", "lessons_learned"), Map.entry("occurrences", "occurrences"),
            Map.entry("triagedAt", "triaged_at"), Map.entry("containedAt", "contained_at"),
            Map.entry("resolvedAt", "resolved_at"), Map.entry("closedAt", "closed_at"),
            Map.entry("reportDueAt", "report_due_at"), Map.entry("reportFiledAt", "report_filed_at"),
            Map.entry("triagedBy", "triaged_by"), Map.entry("remediatedBy", "remediated_by"),
            Map.entry("reviewedBy", "reviewed_by"));
    private static final String COLUMNS = "id, model_id, version_id, incident_type, description, reporter, source,"
            + " external_id, exercise, status, severity, serious, serious_kind, model_status_before, root_cause,"
            + " affected_population, remediation, remediation_notes, report_reference, lessons_learned, occurrences,"
            + " aware_at, triaged_at, contained_at, resolved_at, closed_at, report_due_at, report_filed_at,"
            + " triaged_by, remediated_by, reviewed_by";

    private final JdbcClient jdbc;

    JdbcIncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Incident i) {
        jdbc.sql("INSERT INTO modelgov.incident (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.modelId(), i.versionId(), i.type().name(), i.description(), i.reporter(), i.source(),
                        i.externalId(), i.exercise(), i.status().name(), name(i.severity()), i.serious(),
                        name(i.seriousKind()), i.modelStatusBefore(), i.rootCause(), i.affectedPopulation(),
                        i.remediation(), i.remediationNotes(), i.reportReference(), i.lessonsLearned(), i.occurrences(),
                        utc(i.awareAt()), utc(i.triagedAt()), utc(i.containedAt()), utc(i.resolvedAt()),
                        utc(i.closedAt()), utc(i.reportDueAt()), utc(i.reportFiledAt()), i.triagedBy(), i.remediatedBy(),
                        i.reviewedBy())
                .update();
    }

    @Override
    public Optional<Incident> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.incident WHERE id = ?").param(id)
                .query(JdbcIncidentRepository::incident).optional();
    }

    @Override
    public Optional<Incident> findForUpdate(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.incident WHERE id = ? FOR UPDATE").param(id)
                .query(JdbcIncidentRepository::incident).optional();
    }

    @Override
    public Optional<Incident> findOpenByExternalId(String modelId, String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.incident WHERE model_id = ? AND external_id = ?"
                        + " AND status <> 'CLOSED' ORDER BY aware_at DESC")
                .params(modelId, externalId).query(JdbcIncidentRepository::incident).list().stream().findFirst();
    }

    @Override
    public List<Incident> list(String modelId, IncidentStatus status, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (modelId != null) {
            where.add("model_id = :model");
            params.put("model", modelId);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.name());
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.incident"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY aware_at DESC, id LIMIT :limit")
                .params(params).param("limit", limit).query(JdbcIncidentRepository::incident).list();
    }

    @Override
    public void update(String id, Map<String, Object> changes) {
        List<String> sets = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (var change : changes.entrySet()) {
            String column = UPDATABLE.get(change.getKey());
            if (column == null) {
                throw new IllegalArgumentException("incident field " + change.getKey() + " cannot be updated");
            }
            sets.add(column + " = :" + change.getKey());
            Object value = change.getValue();
            params.put(change.getKey(), value instanceof Instant instant ? utc(instant) : value);
        }
        jdbc.sql("UPDATE modelgov.incident SET " + String.join(", ", sets) + " WHERE id = :id")
                .params(params).param("id", id).update();
    }

    @Override
    public void addOccurrence(String id, int occurrence, Instant receivedAt, String source, String detail) {
        jdbc.sql("INSERT INTO modelgov.incident_occurrence (incident_id, occurrence, received_at, source, detail)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(id, occurrence, utc(receivedAt), source,
                        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000))
                .update();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Incident incident(ResultSet rs, int row) throws SQLException {
        boolean serious = rs.getBoolean("serious");
        Boolean seriousValue = rs.wasNull() ? null : serious;
        String severity = rs.getString("severity");
        String kind = rs.getString("serious_kind");
        return new Incident(rs.getString("id"), rs.getString("model_id"), rs.getString("version_id"),
                IncidentType.valueOf(rs.getString("incident_type")), rs.getString("description"),
                rs.getString("reporter"), rs.getString("source"), rs.getString("external_id"),
                rs.getBoolean("exercise"), IncidentStatus.valueOf(rs.getString("status")),
                severity == null ? null : Severity.valueOf(severity), seriousValue,
                kind == null ? null : SeriousKind.valueOf(kind), rs.getString("model_status_before"),
                rs.getString("root_cause"), rs.getString("affected_population"), rs.getString("remediation"),
                rs.getString("remediation_notes"), rs.getString("report_reference"), rs.getString("lessons_learned"),
                rs.getInt("occurrences"), instant(rs, "aware_at"), instant(rs, "triaged_at"),
                instant(rs, "contained_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
                instant(rs, "report_due_at"), instant(rs, "report_filed_at"), rs.getString("triaged_by"),
                rs.getString("remediated_by"), rs.getString("reviewed_by"));
    }
}
