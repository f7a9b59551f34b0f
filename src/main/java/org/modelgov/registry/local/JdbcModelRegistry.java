package org.modelgov.registry.local;

import java.time.Clock;
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

    private final RegistryTable table;

    JdbcModelRegistry(JdbcClient jdbc, Clock clock) {
        this.table = new RegistryTable(jdbc, clock);
    }

    @Override
    public void registerPending(String versionId, String modelPackageArn) {
        table.insertIfAbsent(versionId, ApprovalStatus.PendingManualApproval, null, "Development", "PendingApproval");
    }

    @Override
    public void setStatus(String versionId, ApprovalStatus status, String description, String stage,
                          String stageStatus) {
        table.update(versionId, status, description, stage, stageStatus);
    }

    @Override
    public Optional<RegistryEntry> find(String versionId) {
        return table.find(versionId);
    }
}
