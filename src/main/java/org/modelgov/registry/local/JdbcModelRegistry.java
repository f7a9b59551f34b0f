package org.modelgov.registry.local;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.modelgov.registry.ApprovalStatus;
import org.modelgov.registry.ModelRegistry;
import org.modelgov.registry.RegistryEntry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Local mode: the model registry is a table in ModelGov's database, with SageMaker's statuses. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class JdbcModelRegistry implements ModelRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcModelRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void registerPending(String versionId, String modelPackageArn) {
        if (find(versionId).isEmpty()) {
            jdbc.sql("INSERT INTO modelgov.registry_entry (version_id, approval_status, stage, stage_status, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(versionId, ApprovalStatus.PendingManualApproval.name(), "Development", "PendingApproval",
                            now())
                    .update();
        }
    }

    @Override
    public void setStatus(String versionId, ApprovalStatus status, String description, String stage,
                          String stageStatus) {
        jdbc.sql("UPDATE modelgov.registry_entry SET approval_status = ?, approval_description = ?, stage = ?,"
                        + " stage_status = ?, updated_at = ? WHERE version_id = ?")
                .params(status.name(), description, stage, stageStatus, now(), versionId)
                .update();
    }

    @Override
    public Optional<RegistryEntry> find(String versionId) {
        return jdbc.sql("SELECT version_id, approval_status, approval_description, stage, stage_status, updated_at"
                        + " FROM modelgov.registry_entry WHERE version_id = ?")
                .param(versionId)
                .query((rs, row) -> new RegistryEntry(rs.getString("version_id"),
                        ApprovalStatus.valueOf(rs.getString("approval_status")), rs.getString("approval_description"),
                        rs.getString("stage"), rs.getString("stage_status"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
