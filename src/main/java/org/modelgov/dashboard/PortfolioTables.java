package org.modelgov.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.incident.jdbc.IncidentTable;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.RiskTier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's reads of ModelGov's own tables (the source of truth): aggregates, never a full scan into memory. */
@Repository
class PortfolioTables {

    private static final int IN_LIST_CHUNK = 500;

    private final JdbcClient jdbc;

    PortfolioTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TierStatusMatrix.Cell> modelsByTierAndStatus() {
        return jdbc.sql("SELECT risk_tier, status, COUNT(*) FROM modelgov.model GROUP BY risk_tier, status")
                .query((rs, n) -> new TierStatusMatrix.Cell(RiskTier.valueOf(rs.getString(1)),
                        ModelStatus.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    /** Models whose review is due from {@code from} to {@code to} (both included), soonest first. */
    List<ReviewDue> reviewsDue(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("SELECT id, name, risk_tier, status, owner, next_review_due FROM modelgov.model"
                        + " WHERE next_review_due >= ? AND next_review_due <= ? ORDER BY next_review_due, id LIMIT ?")
                .params(from, to, limit)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("next_review_due", LocalDate.class);
                    return new ReviewDue(rs.getString("id"), rs.getString("name"), rs.getString("risk_tier"),
                            rs.getString("status"), rs.getString("owner"), due, ChronoUnit.DAYS.between(from, due));
                })
                .list();
    }

    long countReviewsDue(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.model WHERE next_review_due >= ? AND next_review_due <= ?")
                .params(from, to).query(Long.class).single();
    }

    /** Open incidents with a regulatory report due and not yet filed, the most urgent first. */
    List<IncidentClock> incidentClocks(Instant now, int limit) {
        return jdbc.sql("SELECT id, model_id, incident_type, severity, status, report_due_at FROM modelgov.incident"
                        + " WHERE " + IncidentTable.OPEN_REPORT_CLOCK + " ORDER BY report_due_at, id LIMIT ?")
                .param(limit)
                .query((rs, n) -> new IncidentClock(rs.getString("id"), rs.getString("model_id"),
                        rs.getString("incident_type"), rs.getString("severity"), rs.getString("status"),
                        rs.getObject("report_due_at", OffsetDateTime.class).toInstant(), now))
                .list();
    }

    long countIncidentClocks() {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.incident WHERE " + IncidentTable.OPEN_REPORT_CLOCK)
                .query(Long.class).single();
    }

    /**
     * The model behind each process business key: a lifecycle (and the processes it calls) is keyed by the
     * model version id, an incident response by the incident id.
     */
    Map<String, String> modelsOf(Collection<String> businessKeys) {
        Map<String, String> models = new HashMap<>();
        List<String> keys = List.copyOf(businessKeys);
        for (int i = 0; i < keys.size(); i += IN_LIST_CHUNK) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + IN_LIST_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.sql("SELECT id, model_id FROM modelgov.model_version WHERE id IN (" + marks + ")"
                            + " UNION ALL SELECT id, model_id FROM modelgov.incident WHERE id IN (" + marks + ")")
                    .params(concat(chunk))
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                    .forEach(e -> models.put(e.getKey(), e.getValue()));
        }
        return models;
    }

    private static List<Object> concat(List<String> chunk) {
        List<Object> params = new java.util.ArrayList<>(chunk);
        params.addAll(chunk);
        return params;
    }
}
