package org.modelgov.registry.local;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.modelgov.registry.ApprovalStatus;
import org.modelgov.registry.RegistryEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code registry_entry} table: the local registry itself in local mode, and ModelGov's copy of what it set
 * in SageMaker in AWS mode. Not a bean: each adapter makes its own.
 */
public final class RegistryTable {

    private final JdbcClient jdbc;
    private final Clock clock;

    public RegistryTable(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts the version's row unless it has one; answers whether it inserted. */
    public boolean insertIfAbsent(String versionId, ApprovalStatus status, String description, String stage,
                                  String stageStatus) {
        if (find(versionId).isPresent()) {
            return false;
        }
        jdbc.sql("INSERT INTO modelgov.registry_entry (version_id, approval_status, approval_description, stage,"
                        + " stage_status, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(versionId, status.name(), description, stage, stageStatus, now())
                .update();
        return true;
    }

    public void update(String versionId, ApprovalStatus status, String description, String stage,
                       String stageStatus) {
        jdbc.sql("UPDATE modelgov.registry_entry SET approval_status = ?, approval_description = ?, stage = ?,"
                        + " stage_status = ?, updated_at = ? WHERE version_id = ?")
                .params(status.name(), description, stage, stageStatus, now(), versionId)
                .update();
    }

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
