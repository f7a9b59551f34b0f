package org.modelgov.incident.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.modelgov.common.NotFoundException;
import org.modelgov.exercise.Exercise;
import org.modelgov.exercise.ExerciseService;
import org.modelgov.exercise.ExerciseTrend;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentEngine;
import org.modelgov.incident.IncidentService;
import org.modelgov.web.charts.CategoryLineChart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The incidents as pages: the list with their measures, and one incident with its timeline and deadline. */
@Controller
class IncidentPageController {

    private static final int ROWS = 200;
    private static final int EXERCISE_ROWS = 20;
    private static final int TREND_QUARTERS = 8;

    private final IncidentService incidents;
    private final ExerciseService exercises;
    private final Clock clock;

    IncidentPageController(IncidentService incidents, ExerciseService exercises, Clock clock) {
        this.incidents = incidents;
        this.exercises = exercises;
        this.clock = clock;
    }

    @GetMapping("/incidents")
    String incidents(Model model) {
        model.addAttribute("incidents", incidents.list(null, null, ROWS));
        List<ExerciseTrend.Point> trend = exercises.trend(TREND_QUARTERS);
        model.addAttribute("exerciseTrend", trend);
        model.addAttribute("exerciseCharts", trendCharts(trend));
        model.addAttribute("exercises", exercises.list(null, EXERCISE_ROWS));
        return "incidents";
    }

    /** One chart per milestone: each team's mean time to reach it, quarter by quarter. */
    static List<TrendChart> trendCharts(List<ExerciseTrend.Point> trend) {
        List<String> quarters = trend.stream().map(ExerciseTrend.Point::quarter).distinct().sorted().toList();
        CategoryLineChart triage = CategoryLineChart.titled("Mean time to triage per team (minutes)", "min").categories(quarters);
        CategoryLineChart contain = CategoryLineChart.titled("Mean time to contain per team (minutes)", "min").categories(quarters);
        CategoryLineChart resolve = CategoryLineChart.titled("Mean time to resolve per team (minutes)", "min").categories(quarters);
        for (ExerciseTrend.Point p : trend) {
            triage.point(p.team(), p.quarter(), p.minutesToTriage());
            contain.point(p.team(), p.quarter(), p.minutesToContain());
            resolve.point(p.team(), p.quarter(), p.minutesToResolve());
        }
        return List.of(new TrendChart("triage", triage.toSvg()), new TrendChart("contain", contain.toSvg()),
                new TrendChart("resolve", resolve.toSvg()));
    }

    record TrendChart(String milestone, String svg) {
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable String id, Model model) {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new NotFoundException("No incident " + id);
        }
        Incident incident = incidents.get(id);
        List<IncidentEngine.Step> timeline = incidents.timeline(id);
        model.addAttribute("incident", incident);
        model.addAttribute("timeline", timeline);
        model.addAttribute("deadline", Deadline.of(incident, clock.instant()));
        Exercise exercise = exercises.ofIncident(id).orElse(null);
        if (exercise != null && exercise.hasFault()) {
            // the fault experiment's steps run beside the response: one timeline, in time order
            List<IncidentEngine.Step> both = new java.util.ArrayList<>(timeline);
            both.addAll(exercises.faultTimeline(exercise.id()));
            both.sort(java.util.Comparator.comparing(IncidentEngine.Step::startedAt));
            model.addAttribute("timeline", both);
        }
        model.addAttribute("exercise", exercise);
        model.addAttribute("scenario", exercise == null ? null : exercises.scenarios().stream()
                .filter(s -> s.id().equals(exercise.scenarioId())).findFirst().orElse(null));
        return "incidents/detail";
    }

    /** The Art. 73 reporting deadline in words: filed, time left, or overdue by how long. */
    record Deadline(Instant dueAt, String state, String text) {

        static Deadline of(Incident incident, Instant now) {
            Instant due = incident.reportDueAt();
            if (due == null) {
                return new Deadline(null, "none", Boolean.FALSE.equals(incident.serious())
                        ? "No regulatory report: not a serious incident"
                        : "No regulatory clock running" + (incident.triagedAt() == null ? " (not triaged yet)" : ""));
            }
            if (incident.reportFiledAt() != null) {
                boolean late = incident.reportFiledAt().isAfter(due);
                return new Deadline(due, late ? "filed-late" : "filed", "Report filed"
                        + (incident.reportReference() != null ? " (" + incident.reportReference() + ")" : "")
                        + (late ? ", " + span(Duration.between(due, incident.reportFiledAt())) + " late"
                        : ", " + span(Duration.between(incident.reportFiledAt(), due)) + " before the deadline"));
            }
            if (now.isAfter(due)) {
                return new Deadline(due, "overdue", "Overdue by " + span(Duration.between(due, now)));
            }
            return new Deadline(due, "running", span(Duration.between(now, due)) + " left");
        }

        static String span(Duration d) {
            long minutes = Math.max(0, d.toMinutes());
            long days = minutes / (24 * 60);
            long hours = minutes / 60 % 24;
            long mins = minutes % 60;
            if (days > 0) {
                return days + " d " + hours + " h";
            }
            return hours > 0 ? hours + " h " + mins + " min" : mins + " min";
        }
    }
}
