package org.modelgov.validation.local;

import java.util.List;
import org.modelgov.inventory.Model;
import org.modelgov.validation.MonitoringEvidence;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Local mode: no Model Monitor; reassessment measures drift from the version's datasets. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class NoMonitor implements MonitoringEvidence {

    @Override
    public List<Observed> violationsSince(Model model, java.time.Instant since) {
        return List.of();
    }
}
