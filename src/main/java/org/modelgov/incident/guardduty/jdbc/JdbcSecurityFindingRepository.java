package org.modelgov.incident.guardduty.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.modelgov.incident.Severity;
import org.modelgov.incident.guardduty.SecurityFindingRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSecurityFindingRepository implements SecurityFindingRepository {

    private static final String COLUMNS = "g.incident_id, g.finding_id, g.model_id, g.finding_type, g.finding_arn,"
            + " g.account_id, g.region, g.guardduty_severity, g.suggested_severity, g.severity_band, g.matched_by,"
            + " g.service_count, g.finding_updated_at, g.last_sha256, g.first_received_at, g.last_received_at";

    private final JdbcClient jdbc;

    JdbcSecurityFindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredFinding> findByIncident(String incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.guardduty_finding g WHERE g.incident_id = ?")
                .param(incidentId).query(JdbcSecurityFindingRepository::finding).optional();
    }

    @Override
    public void lockModel(String modelId) {
        jdbc.sql("SELECT id FROM modelgov.model WHERE id = ? FOR UPDATE").param(modelId).query(String.class).list();
    }

    @Override
    public Optional<StoredFinding> findOpen(String findingId, String modelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.guardduty_finding g JOIN modelgov.incident i"
                        + " ON i.id = g.incident_id WHERE g.finding_id = ? AND g.model_id = ? AND i.status <> 'CLOSED'"
                        + " ORDER BY g.first_received_at DESC")
                .params(findingId, modelId).query(JdbcSecurityFindingRepository::finding).list().stream().findFirst();
    }

    @Override
    public void insert(StoredFinding f) {
        jdbc.sql("INSERT INTO modelgov.guardduty_finding (incident_id, finding_id, model_id, finding_type, finding_arn,"
                        + " account_id, region, guardduty_severity, suggested_severity, severity_band, matched_by,"
                        + " service_count, finding_updated_at, last_sha256, first_received_at, last_received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.incidentId(), f.findingId(), f.modelId(), f.findingType(), cut(f.findingArn(), 1024),
                        cut(f.accountId(), 20), cut(f.region(), 32), f.guardDutySeverity(),
                        f.suggestedSeverity().name(), f.severityBand(), cut(f.matchedBy(), 1000), f.serviceCount(),
                        cut(f.updatedAt(), 40), f.lastSha256(), utc(f.firstReceivedAt()), utc(f.lastReceivedAt()))
                .update();
    }

    @Override
    public void updateReceived(String incidentId, Integer serviceCount, String updatedAt, double guardDutySeverity,
                               Severity suggestedSeverity, String severityBand, String sha256, Instant receivedAt) {
        jdbc.sql("UPDATE modelgov.guardduty_finding SET service_count = ?, finding_updated_at = ?,"
                        + " guardduty_severity = ?, suggested_severity = ?, severity_band = ?, last_sha256 = ?,"
                        + " last_received_at = ? WHERE incident_id = ?")
                .params(serviceCount, cut(updatedAt, 40), guardDutySeverity, suggestedSeverity.name(), severityBand,
                        sha256, utc(receivedAt), incidentId)
                .update();
    }

    @Override
    public Set<String> modelsUsingBucket(String bucket) {
        return new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT model_id FROM modelgov.model_version_bucket"
                + " WHERE bucket = ? ORDER BY model_id").param(bucket).query(String.class).list());
    }

    // GuardDuty's own values; a longer one is cut rather than refused, the full one is in the digest's event
    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static StoredFinding finding(ResultSet rs, int row) throws SQLException {
        int count = rs.getInt("service_count");
        Integer serviceCount = rs.wasNull() ? null : count;
        return new StoredFinding(rs.getString("incident_id"), rs.getString("finding_id"), rs.getString("model_id"),
                rs.getString("finding_type"), rs.getString("finding_arn"), rs.getString("account_id"),
                rs.getString("region"), rs.getDouble("guardduty_severity"),
                Severity.valueOf(rs.getString("suggested_severity")), rs.getString("severity_band"),
                rs.getString("matched_by"), serviceCount, rs.getString("finding_updated_at"),
                rs.getString("last_sha256"), instant(rs, "first_received_at"), instant(rs, "last_received_at"));
    }
}
