package org.modelgov.incident.guardduty.jdbc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.modelgov.incident.guardduty.ModelAwsResourceRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcModelAwsResourceRepository implements ModelAwsResourceRepository {

    private final JdbcClient jdbc;

    JdbcModelAwsResourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Declared> declared(String modelId) {
        return jdbc.sql("SELECT kind, name, declared_by, declared_at FROM modelgov.model_aws_resource"
                        + " WHERE model_id = ? ORDER BY kind, name")
                .param(modelId)
                .query((rs, row) -> new Declared(Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getString("declared_by"), rs.getObject("declared_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    @Override
    public void replace(String modelId, List<Declared> resources) {
        jdbc.sql("DELETE FROM modelgov.model_aws_resource WHERE model_id = ?").param(modelId).update();
        for (Declared d : resources) {
            jdbc.sql("INSERT INTO modelgov.model_aws_resource (model_id, kind, name, declared_by, declared_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(modelId, d.kind().name(), d.name(), d.declaredBy(), d.declaredAt().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    @Override
    public Set<String> modelsDeclaring(Kind kind, String name) {
        return new LinkedHashSet<>(jdbc.sql("SELECT model_id FROM modelgov.model_aws_resource WHERE kind = ?"
                + " AND name = ? ORDER BY model_id").params(kind.name(), name).query(String.class).list());
    }

    @Override
    public List<String> versionBuckets(String modelId) {
        return jdbc.sql("SELECT DISTINCT bucket FROM modelgov.model_version_bucket WHERE model_id = ? ORDER BY bucket")
                .param(modelId).query(String.class).list();
    }
}
