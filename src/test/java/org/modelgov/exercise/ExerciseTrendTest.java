package org.modelgov.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trend's means from known times, quarter boundaries, and when a model is due (the period key). */
class ExerciseTrendTest {

    private static ExerciseRepository.Timed timed(String team, String start, Integer triageMin, Integer containMin,
                                                  Integer resolveMin) {
        Instant aware = Instant.parse(start);
        Exercise e = new Exercise("EX-" + team + start, "M", null, "outage", "Outage", "INC", team, "SCHEDULE",
                "modelgov", aware, null, null, null, null, null, null, null);
        return new ExerciseRepository.Timed(e, "Model", "CLOSED", aware, plus(aware, triageMin),
                plus(aware, containMin), plus(aware, resolveMin), plus(aware, resolveMin));
    }

    private static Instant plus(Instant at, Integer minutes) {
        return minutes == null ? null : at.plusSeconds(minutes * 60L);
    }

    @Test
    void meansPerTeamAndQuarterOverTheExercisesThatReachedEachMilestone() {
        List<ExerciseTrend.Point> trend = ExerciseTrend.of(List.of(
                timed("Credit", "2026-01-05T06:00:00Z", 10, 30, 120),
                timed("Credit", "2026-03-31T23:59:59Z", 20, null, 60),
                timed("Credit", "2026-04-01T00:00:00Z", 6, 9, 45),
                timed("Fraud", "2026-02-10T06:00:00Z", null, null, null)));

        assertThat(trend).extracting(ExerciseTrend.Point::team, ExerciseTrend.Point::quarter,
                ExerciseTrend.Point::exercises).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Credit", "2026-Q1", 2),
                org.assertj.core.groups.Tuple.tuple("Credit", "2026-Q2", 1),
                org.assertj.core.groups.Tuple.tuple("Fraud", "2026-Q1", 1));
        ExerciseTrend.Point q1 = trend.get(0);
        assertThat(q1.minutesToTriage()).isCloseTo(15.0, within(1e-9));
        assertThat(q1.minutesToContain()).as("only one was contained").isCloseTo(30.0, within(1e-9));
        assertThat(q1.minutesToResolve()).isCloseTo(90.0, within(1e-9));
        assertThat(trend.get(1).minutesToResolve()).isCloseTo(45.0, within(1e-9));
        assertThat(trend.get(2).minutesToTriage()).as("not triaged yet: no mean").isNull();
    }

    @Test
    void quartersAreCalendarQuartersInUtc() {
        assertThat(ExerciseTrend.quarter(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("2026-Q4");
        assertThat(ExerciseTrend.quarter(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("2027-Q1");
        assertThat(ExerciseTrend.quarter(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo("2026-Q3");
    }

    @Test
    void aModelIsDueWhenNeverExercisedOrACadenceAfterItsLastStart() {
        Optional<Period> quarterly = Optional.of(Period.ofMonths(3));
        Instant now = Instant.parse("2026-12-02T06:00:00Z");
        assertThat(ExerciseService.duePeriod(quarterly, null, now)).contains("first");
        assertThat(ExerciseService.duePeriod(quarterly, Instant.parse("2026-09-02T07:00:00Z"), now))
                .as("due on the day, whatever the hour").contains("2026-12-02");
        assertThat(ExerciseService.duePeriod(quarterly, Instant.parse("2026-08-15T07:00:00Z"), now))
                .contains("2026-11-15");
        assertThat(ExerciseService.duePeriod(quarterly, Instant.parse("2026-09-03T00:00:00Z"), now)).isEmpty();
        assertThat(ExerciseService.duePeriod(Optional.empty(), null, now)).as("no cadence: never").isEmpty();
    }
}
