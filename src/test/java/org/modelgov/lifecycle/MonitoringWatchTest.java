package org.modelgov.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.VersionStatus;
import org.modelgov.validation.MonitoringEvidence;
import org.modelgov.validation.ValidationService;

/** The watcher handles each version on its own: one whose monitor cannot be read does not stop the others. */
class MonitoringWatchTest {

    private final InventoryService inventory = mock(InventoryService.class);
    private final ValidationService validation = mock(ValidationService.class);
    private final LifecycleService lifecycle = mock(LifecycleService.class);

    @Test
    void aVersionWhoseMonitorFailsDoesNotStopTheOthers() {
        ModelVersion broken = version("BROKEN-1");
        ModelVersion drifting = version("DRIFTING-1");
        for (ModelVersion v : List.of(broken, drifting)) {
            Model model = mock(Model.class);
            when(model.id()).thenReturn(v.modelId());
            when(inventory.get(v.modelId())).thenReturn(model);
        }
        MonitoringEvidence monitor = (model, since) -> {
            if (model.id().equals("BROKEN-1")) {
                throw new IllegalStateException("ListMonitoringExecutions: throttled");
            }
            return List.of(new MonitoringEvidence.Observed(Instant.now(), "data quality: 2 violations"));
        };
        when(lifecycle.reportMonitoringDrift(anyString(), anyString())).thenReturn(true);
        // as in production, less the transaction: a failing item answers false and the others go on
        MonitoringWatch watch = new MonitoringWatch(inventory, validation, monitor, lifecycle, (item, work) -> {
            try {
                return work.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        });

        assertThat(watch.check(List.of(broken, drifting))).isEqualTo(1);
        verify(lifecycle).reportMonitoringDrift("DRIFTING-1:1", "data quality: 2 violations");
        verify(lifecycle, never()).reportMonitoringDrift("BROKEN-1:1", "data quality: 2 violations");
    }

    private static ModelVersion version(String modelId) {
        return new ModelVersion(modelId + ":1", modelId, 1, null, null, null, null, null, null, VersionStatus.APPROVED,
                "owner", Instant.now().minusSeconds(3600));
    }
}
