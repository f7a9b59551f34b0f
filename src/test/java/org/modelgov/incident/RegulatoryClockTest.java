package org.modelgov.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Art. 73 deadlines counted from awareness, with the escalation points, per kind of serious incident. */
class RegulatoryClockTest {

    private static final Instant AWARE = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest(name = "{0}: due {1}, escalate at {2} and {3}")
    @CsvSource({
            "P2D,  2026-11-29T10:00:00Z, 2026-11-28T10:00:00Z, 2026-11-29T05:12:00Z",
            "P10D, 2026-12-07T10:00:00Z, 2026-12-02T10:00:00Z, 2026-12-06T10:00:00Z",
            "P15D, 2026-12-12T10:00:00Z, 2026-12-04T22:00:00Z, 2026-12-10T22:00:00Z"})
    void deadlineAndEscalationsFromAwareness(String within, String due, String halfway, String ninety) {
        IncidentService.RegulatoryClock clock = IncidentService.RegulatoryClock.from(AWARE, Duration.parse(within));
        assertThat(clock.dueAt()).isEqualTo(Instant.parse(due));
        assertThat(clock.halfwayAt()).isEqualTo(Instant.parse(halfway));
        assertThat(clock.ninetyPercentAt()).isEqualTo(Instant.parse(ninety));
    }
}
