package org.modelgov.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.inventory.RiskTier;

/** Port: where exercises are kept. */
public interface ExerciseRepository {

    /** A model the schedule may exercise (approved or in production), with when its last exercise started. */
    record Candidate(String modelId, RiskTier riskTier, Instant lastStartedAt) {
    }

    List<Candidate> candidates();

    boolean existsForPeriod(String modelId, String periodKey);

    void insert(Exercise exercise);

    void setIncident(String exerciseId, String incidentId);

    Optional<Exercise> find(String id);

    Optional<Exercise> findForUpdate(String id);

    Optional<Exercise> findByIncident(String incidentId);

    /** When each scenario was last exercised on the model. */
    Map<String, Instant> lastStartPerScenario(String modelId);

    void recordFaultStart(String exerciseId, String experimentId, Instant at);

    void recordFaultState(String exerciseId, FaultExperiments.Status state, String reason, Instant checkedAt,
                          Instant endedAt);

    Optional<Timed> findTimed(String id);

    /** The latest exercises first, with their incidents' timings. */
    List<Timed> list(String modelId, int limit);

    /** Exercises started at or after {@code since}, with their incidents' timings. */
    List<Timed> since(Instant since);

    /** An exercise with the milestones of its incident (null until reached). */
    record Timed(Exercise exercise, String modelName, String incidentStatus, Instant awareAt, Instant triagedAt,
                 Instant containedAt, Instant resolvedAt, Instant closedAt) {
    }
}
