package org.modelgov.review.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewDecisionRepository;
import org.modelgov.review.ReviewKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReviewDecisionRepository implements ReviewDecisionRepository {

    private static final String COLUMNS = "id, version_id, kind, basis, actor, decision, comment, details, task_id,"
            + " decided_at";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    JdbcReviewDecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ReviewDecision d) {
        jdbc.sql("INSERT INTO modelgov.review_decision (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.versionId(), d.kind().name(), d.basis(), d.actor(), d.decision(), d.comment(),
                        json(d.details()), d.taskId(), d.decidedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public List<ReviewDecision> find(String versionId, ReviewKind kind, String basis) {
        String sql = "SELECT " + COLUMNS + " FROM modelgov.review_decision WHERE version_id = :version AND kind = :kind"
                + (basis == null ? "" : " AND basis = :basis") + " ORDER BY decided_at, id";
        var statement = jdbc.sql(sql).param("version", versionId).param("kind", kind.name());
        if (basis != null) {
            statement = statement.param("basis", basis);
        }
        return statement.query(JdbcReviewDecisionRepository::decision).list();
    }

    @Override
    public List<ReviewDecision> forVersion(String versionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.review_decision WHERE version_id = ?"
                        + " ORDER BY decided_at, id")
                .param(versionId).query(JdbcReviewDecisionRepository::decision).list();
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("decision details are not JSON-writable", e);
        }
    }

    private static ReviewDecision decision(ResultSet rs, int row) throws SQLException {
        Map<String, Object> details;
        try {
            details = JSON.readValue(rs.getString("details"), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("review_decision " + rs.getString("id") + " has unreadable details", e);
        }
        return new ReviewDecision(rs.getString("id"), rs.getString("version_id"),
                ReviewKind.valueOf(rs.getString("kind")), rs.getString("basis"), rs.getString("actor"),
                rs.getString("decision"), rs.getString("comment"), details, rs.getString("task_id"),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant());
    }
}
