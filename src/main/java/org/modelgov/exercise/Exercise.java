package org.modelgov.exercise;

import java.time.Instant;

/**
 * One tabletop exercise: the incident (exercise = true) it runs as, the scenario it plays, and the fault
 * experiment that went with it, if any.
 *
 * @param periodKey the due period the schedule started it for (the date it fell due, or "first"); null when
 *                  someone started it by hand
 * @param team      the model's owning team when it started (the trend's grouping)
 */
public record Exercise(String id, String modelId, String periodKey, String scenarioId, String scenarioTitle,
                       String incidentId, String team, String source, String startedBy, Instant startedAt,
                       String faultTemplate, String faultExperimentId, FaultExperiments.Status faultState,
                       String faultReason, Instant faultStartedAt, Instant faultCheckedAt, Instant faultEndedAt) {

    public boolean hasFault() {
        return faultTemplate != null;
    }
}
