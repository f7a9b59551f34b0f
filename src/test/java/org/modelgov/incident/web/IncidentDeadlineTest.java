package org.modelgov.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentStatus;
import org.modelgov.incident.IncidentType;
import org.modelgov.incident.Severity;

class IncidentDeadlineTest {

    private static final Instant AWARE = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DUE = AWARE.plus(Duration.ofDays(15));

    @Test
    void aRunningClockSaysTheTimeLeft() {
        var deadline = IncidentPageController.Deadline.of(incident(true, DUE, null),
                DUE.minus(Duration.ofDays(2).plusHours(3).plusMinutes(10)));
        assertThat(deadline.state()).isEqualTo("running");
        assertThat(deadline.text()).isEqualTo("2 d 3 h left");
    }

    @Test
    void aMissedDeadlineSaysByHowMuch() {
        var deadline = IncidentPageController.Deadline.of(incident(true, DUE, null), DUE.plus(Duration.ofMinutes(95)));
        assertThat(deadline.state()).isEqualTo("overdue");
        assertThat(deadline.text()).isEqualTo("Overdue by 1 h 35 min");
    }

    @Test
    void aFiledReportSaysWhetherItWasInTime() {
        var inTime = IncidentPageController.Deadline.of(incident(true, DUE, DUE.minus(Duration.ofHours(5))),
                DUE.plus(Duration.ofDays(3)));
        assertThat(inTime.state()).isEqualTo("filed");
        assertThat(inTime.text()).contains("REF-1").contains("5 h 0 min before the deadline");
        var late = IncidentPageController.Deadline.of(incident(true, DUE, DUE.plus(Duration.ofDays(1))), DUE);
        assertThat(late.state()).isEqualTo("filed-late");
        assertThat(late.text()).contains("1 d 0 h late");
    }

    @Test
    void noClockForIncidentsThatAreNotSerious() {
        assertThat(IncidentPageController.Deadline.of(incident(false, null, null), AWARE).text())
                .isEqualTo("No regulatory report: not a serious incident");
        assertThat(IncidentPageController.Deadline.of(incident(null, null, null), AWARE).state()).isEqualTo("none");
    }

    private static Incident incident(Boolean serious, Instant due, Instant filed) {
        return new Incident("INC-1", "M", "M:1", IncidentType.values()[0], "d", "owner", "API", null, false,
                IncidentStatus.TRIAGED, serious == null ? null : Severity.SEV1, serious, null, "IN_PRODUCTION", null,
                null, null, null, filed == null ? null : "REF-1", null, 1, AWARE, serious == null ? null : AWARE,
                null, null, null, due, filed, "responder", null, null);
    }
}
