package org.modelgov.compliance.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.modelgov.compliance.ComplianceScope;
import org.modelgov.compliance.ComplianceScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcComplianceScopes implements ComplianceScopes {

    private static final String COLUMNS = "model_id, eu, nyc_employment, us_bank, note, updated_by, updated_at";

    private final JdbcClient jdbc;

    JdbcComplianceScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ComplianceScope> find(String modelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.compliance_scope WHERE model_id = ?").param(modelId)
                .query(JdbcComplianceScopes::scope).optional();
    }

    @Override
    public void save(ComplianceScope s) {
        // the model's row lock serialises two first decisions on one model (update-then-insert would race)
        jdbc.sql("SELECT id FROM modelgov.model WHERE id = ? FOR UPDATE").param(s.modelId()).query(String.class).list();
        if (update(s) == 0) {
            insert(s);
        }
    }

    private int update(ComplianceScope s) {
        return jdbc.sql("UPDATE modelgov.compliance_scope SET eu = ?, nyc_employment = ?, us_bank = ?, note = ?,"
                        + " updated_by = ?, updated_at = ? WHERE model_id = ?")
                .params(s.eu(), s.nycEmployment(), s.usBank(), s.note(), s.updatedBy(),
                        s.updatedAt().atOffset(ZoneOffset.UTC), s.modelId())
                .update();
    }

    private void insert(ComplianceScope s) {
        jdbc.sql("INSERT INTO modelgov.compliance_scope (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(s.modelId(), s.eu(), s.nycEmployment(), s.usBank(), s.note(), s.updatedBy(),
                        s.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static ComplianceScope scope(ResultSet rs, int row) throws SQLException {
        return new ComplianceScope(rs.getString("model_id"), rs.getBoolean("eu"), rs.getBoolean("nyc_employment"),
                rs.getBoolean("us_bank"), rs.getString("note"), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), true);
    }
}
