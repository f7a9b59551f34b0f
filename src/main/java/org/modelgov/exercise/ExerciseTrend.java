package org.modelgov.exercise;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How fast each team responds in its exercises, per calendar quarter (UTC, of the exercise's start): the mean time
 * from awareness to triage, containment and resolution over the exercises that reached each milestone. Plain Java.
 */
public final class ExerciseTrend {

    /** One team in one quarter; a mean is null when none of its exercises reached that milestone. */
    public record Point(String team, String quarter, int exercises, Double minutesToTriage, Double minutesToContain,
                        Double minutesToResolve) {
    }

    private ExerciseTrend() {
    }

    public static String quarter(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
    }

    /** Ordered by team, then quarter. */
    public static List<Point> of(List<ExerciseRepository.Timed> exercises) {
        Map<String, Map<String, List<ExerciseRepository.Timed>>> byTeam = new TreeMap<>();
        for (ExerciseRepository.Timed t : exercises) {
            byTeam.computeIfAbsent(t.exercise().team(), k -> new TreeMap<>())
                    .computeIfAbsent(quarter(t.exercise().startedAt()), k -> new ArrayList<>()).add(t);
        }
        List<Point> points = new ArrayList<>();
        byTeam.forEach((team, quarters) -> quarters.forEach((quarter, list) -> points.add(new Point(team, quarter,
                list.size(), mean(list, Milestone.TRIAGE), mean(list, Milestone.CONTAIN),
                mean(list, Milestone.RESOLVE)))));
        points.sort(Comparator.comparing(Point::team).thenComparing(Point::quarter));
        return points;
    }

    private enum Milestone { TRIAGE, CONTAIN, RESOLVE }

    private static Double mean(List<ExerciseRepository.Timed> list, Milestone milestone) {
        double total = 0;
        int n = 0;
        for (ExerciseRepository.Timed t : list) {
            Instant reached = switch (milestone) {
                case TRIAGE -> t.triagedAt();
                case CONTAIN -> t.containedAt();
                case RESOLVE -> t.resolvedAt();
            };
            if (t.awareAt() != null && reached != null) {
                total += Duration.between(t.awareAt(), reached).toMillis() / 60_000.0;
                n++;
            }
        }
        return n == 0 ? null : total / n;
    }
}
