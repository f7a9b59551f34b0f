package org.modelgov.evidence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.evidence.EvidenceInput;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.evidence.EvidenceRepository;
import org.modelgov.evidence.ReportKind;
import org.modelgov.evidence.ReportSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Evidence reports in {@code modelgov.evidence_report} (report and config as TEXT: a CLOB on H2, unbounded
 * text on PostgreSQL) and their inputs' hashes in {@code modelgov.evidence_report_input}.
 */
@Repository
class JdbcEvidenceRepository implements EvidenceRepository {

    private static final String SUMMARY_COLUMNS =
            "id, kind, model_id, model_version_id, created_by, created_at, report_sha256";

    private final JdbcClient jdbc;

    JdbcEvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(EvidenceReport report) {
        ReportSummary s = report.summary();
        jdbc.sql("INSERT INTO modelgov.evidence_report (" + SUMMARY_COLUMNS + ", config, report)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.kind().name(), s.modelId(), s.modelVersionId(), s.createdBy(),
                        s.createdAt().atOffset(ZoneOffset.UTC), s.reportSha256(), report.config(), report.reportJson())
                .update();
        int position = 0;
        for (EvidenceInput input : report.inputs()) {
            jdbc.sql("INSERT INTO modelgov.evidence_report_input (report_id, input_no, part, filename, size_bytes,"
                            + " sha256) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(s.id(), position++, input.part(), input.filename(), input.bytes(), input.sha256())
                    .update();
        }
    }

    @Override
    public Optional<EvidenceReport> find(String id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", config, report FROM modelgov.evidence_report WHERE id = ?")
                .param(id)
                .query((rs, row) -> new EvidenceReport(summary(rs, row), rs.getString("config"),
                        rs.getString("report"), inputs(id)))
                .optional();
    }

    @Override
    public List<ReportSummary> list(String modelId, ReportKind kind, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (modelId != null) {
            where.add("model_id = :modelId");
            params.put("modelId", modelId);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind.name());
        }
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM modelgov.evidence_report"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .params(params)
                .param("limit", limit)
                .query(JdbcEvidenceRepository::summary)
                .list();
    }

    private List<EvidenceInput> inputs(String reportId) {
        return jdbc.sql("SELECT part, filename, size_bytes, sha256 FROM modelgov.evidence_report_input"
                        + " WHERE report_id = ? ORDER BY input_no")
                .param(reportId)
                .query((rs, row) -> new EvidenceInput(rs.getString("part"), rs.getString("filename"),
                        rs.getLong("size_bytes"), rs.getString("sha256")))
                .list();
    }

    private static ReportSummary summary(ResultSet rs, int row) throws SQLException {
        return new ReportSummary(rs.getString("id"), ReportKind.valueOf(rs.getString("kind")),
                rs.getString("model_id"), rs.getString("model_version_id"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("report_sha256"));
    }
}
