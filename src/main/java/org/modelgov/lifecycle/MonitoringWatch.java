package org.modelgov.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.modelgov.common.ConflictException;
import org.modelgov.common.EachItem;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.VersionStatus;
import org.modelgov.validation.CheckRun;
import org.modelgov.validation.MonitoringEvidence;
import org.modelgov.validation.ValidationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between reviews, production monitoring that finds violations reports drift to the version's lifecycle, which
 * starts a reassessment at once. Only runs newer than the version's last check run count, so one finding
 * starts one reassessment. Each version is watched on its own: one that fails does not stop or undo the others.
 */
public class MonitoringWatch {

    private static final Logger log = LoggerFactory.getLogger(MonitoringWatch.class);

    private final InventoryService inventory;
    private final ValidationService validation;
    private final MonitoringEvidence monitoring;
    private final LifecycleService lifecycle;
    private final EachItem eachItem;

    public MonitoringWatch(InventoryService inventory, ValidationService validation, MonitoringEvidence monitoring,
                           LifecycleService lifecycle, EachItem eachItem) {
        this.inventory = inventory;
        this.validation = validation;
        this.monitoring = monitoring;
        this.lifecycle = lifecycle;
        this.eachItem = eachItem;
    }

    /** @return the versions whose lifecycle was told of drift */
    public int check(List<ModelVersion> versions) {
        int told = 0;
        for (ModelVersion version : versions) {
            if (version.status() == VersionStatus.APPROVED
                    && eachItem.run("Watching " + version.id(), () -> watch(version))) {
                told++;
            }
        }
        return told;
    }

    /** @return true when the version's lifecycle was told of drift */
    private boolean watch(ModelVersion version) {
        Model model = inventory.get(version.modelId());
        Instant since = validation.runs(version.id()).stream().map(CheckRun::startedAt).findFirst()
                .orElse(version.createdAt());
        List<MonitoringEvidence.Observed> found = monitoring.violationsSince(model, since);
        if (found.isEmpty()) {
            return false;
        }
        String summary = found.stream().map(MonitoringEvidence.Observed::text).collect(Collectors.joining("\n"));
        try {
            return lifecycle.reportMonitoringDrift(version.id(), summary);
        } catch (ConflictException e) {
            log.info("Monitoring found violations on {} but its lifecycle is busy: {}", version.id(), e.getMessage());
            return false;
        }
    }
}
