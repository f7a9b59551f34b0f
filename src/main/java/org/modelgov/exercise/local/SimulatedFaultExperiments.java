package org.modelgov.exercise.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.modelgov.common.NotFoundException;
import org.modelgov.common.Sha256;
import org.modelgov.exercise.FaultExperiments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Local mode: a simulated fault experiment. Nothing is injected; the experiment is recorded and reports running until
 * {@code modelgov.exercises.simulated-fault-duration} after its start, then completed, so an exercise's timeline
 * shows the same steps as with AWS FIS.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class SimulatedFaultExperiments implements FaultExperiments {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration runsFor;

    SimulatedFaultExperiments(JdbcClient jdbc, Clock clock,
                              @Value("${modelgov.exercises.simulated-fault-duration:PT2M}") Duration runsFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.runsFor = runsFor;
    }

    /** One experiment per exercise: a second start (a retried step) answers the first one's id. */
    @Override
    public String start(String templateId, String exerciseId) {
        String id = "SIM-" + Sha256.hex(exerciseId).substring(0, 16).toUpperCase();
        jdbc.sql("INSERT INTO modelgov.simulated_fault_experiment (id, exercise_id, template_id, started_at, runs_for_ms)"
                        + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM modelgov.simulated_fault_experiment"
                        + " WHERE exercise_id = ?)")
                .params(id, exerciseId, templateId, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
                        runsFor.toMillis(), exerciseId)
                .update();
        return id;
    }

    @Override
    public State state(String experimentId) {
        record Row(Instant startedAt, long runsForMs, String template) {
        }
        Row row = jdbc.sql("SELECT started_at, runs_for_ms, template_id FROM modelgov.simulated_fault_experiment"
                        + " WHERE id = ?").param(experimentId)
                .query((rs, n) -> new Row(rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("runs_for_ms"), rs.getString("template_id")))
                .optional().orElseThrow(() -> new NotFoundException("No simulated fault experiment " + experimentId));
        boolean done = !clock.instant().isBefore(row.startedAt().plusMillis(row.runsForMs()));
        return done ? new State(Status.COMPLETED, "Simulated fault of template " + row.template() + " ended")
                : new State(Status.RUNNING, "Simulated fault of template " + row.template() + " running (local mode:"
                + " nothing is injected)");
    }
}
