package org.modelgov.validation.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.modelgov.inventory.RiskTier;
import org.modelgov.validation.Area;
import org.modelgov.validation.CheckRun;
import org.modelgov.validation.CheckRunRepository;
import org.modelgov.validation.Finding;
import org.modelgov.validation.FindingLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcCheckRunRepository implements CheckRunRepository {

    private static final String RUN_COLUMNS = "id, version_id, purpose, round_no, risk_tier, started_at, concluded_at,"
            + " outcome";

    private final JdbcClient jdbc;

    JdbcCheckRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(CheckRun r) {
        jdbc.sql("INSERT INTO modelgov.check_run (" + RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.versionId(), r.purpose().name(), r.round(), r.riskTier().name(), utc(r.startedAt()),
                        utc(r.concludedAt()), r.outcome())
                .update();
    }

    @Override
    public Optional<CheckRun> find(String runId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM modelgov.check_run WHERE id = ?").param(runId)
                .query(JdbcCheckRunRepository::run).optional();
    }

    @Override
    @Transactional
    public void addFindings(String runId, List<Finding> findings) {
        // the run row is locked so two parallel checks of one run number their findings one after the other
        jdbc.sql("SELECT id FROM modelgov.check_run WHERE id = ? FOR UPDATE").param(runId).query(String.class).single();
        int next = jdbc.sql("SELECT COALESCE(MAX(finding_no), 0) FROM modelgov.check_finding WHERE run_id = ?")
                .param(runId).query(Integer.class).single();
        for (Finding f : findings) {
            next++;
            jdbc.sql("INSERT INTO modelgov.check_finding (run_id, finding_no, area, check_name, level, message,"
                            + " metric_value, evidence_report_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, next, f.area().name(), truncate(f.check(), 64), f.level().name(), f.message(),
                            f.metricValue() == null || f.metricValue().isNaN() || f.metricValue().isInfinite() ? null
                                    : f.metricValue(), f.evidenceReportId())
                    .update();
        }
    }

    @Override
    public List<Finding> findings(String runId) {
        return jdbc.sql("SELECT area, check_name, level, message, metric_value, evidence_report_id"
                        + " FROM modelgov.check_finding WHERE run_id = ? ORDER BY finding_no")
                .param(runId)
                .query((rs, row) -> {
                    double value = rs.getDouble("metric_value");
                    // read at once: wasNull() answers for the last column read
                    Double metric = rs.wasNull() ? null : value;
                    return new Finding(Area.valueOf(rs.getString("area")), rs.getString("check_name"),
                            FindingLevel.valueOf(rs.getString("level")), rs.getString("message"),
                            metric, rs.getString("evidence_report_id"));
                })
                .list();
    }

    @Override
    public void conclude(String runId, String outcome, Instant at) {
        jdbc.sql("UPDATE modelgov.check_run SET outcome = ?, concluded_at = ? WHERE id = ?")
                .params(outcome, utc(at), runId).update();
    }

    @Override
    public List<CheckRun> runs(String versionId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM modelgov.check_run WHERE version_id = ?"
                        + " ORDER BY started_at DESC, round_no DESC")
                .param(versionId).query(JdbcCheckRunRepository::run).list();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static CheckRun run(ResultSet rs, int row) throws SQLException {
        OffsetDateTime concluded = rs.getObject("concluded_at", OffsetDateTime.class);
        return new CheckRun(rs.getString("id"), rs.getString("version_id"),
                CheckRun.Purpose.valueOf(rs.getString("purpose")), rs.getInt("round_no"),
                RiskTier.valueOf(rs.getString("risk_tier")),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                concluded == null ? null : concluded.toInstant(), rs.getString("outcome"));
    }
}
