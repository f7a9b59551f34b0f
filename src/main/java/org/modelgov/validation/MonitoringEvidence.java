package org.modelgov.validation;

import java.util.List;
import org.modelgov.inventory.Model;

/**
 * Port: what production monitoring has flagged for a model (SageMaker Model Monitor executions that completed
 * with violations in AWS mode). Locally there is no monitor: drift is computed from the datasets instead.
 */
public interface MonitoringEvidence {

    /** One line per recent monitoring run that found violations; empty when none did or nothing monitors. */
    default List<String> violations(Model model) {
        return violationsSince(model, java.time.Instant.EPOCH).stream().map(Observed::text).toList();
    }

    /** The violations found by monitoring runs scheduled after {@code since}, latest first. */
    List<Observed> violationsSince(Model model, java.time.Instant since);

    /** One monitoring run that found violations. */
    record Observed(java.time.Instant scheduledAt, String text) {
    }
}
