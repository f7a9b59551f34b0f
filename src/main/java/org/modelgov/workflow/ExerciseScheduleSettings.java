package org.modelgov.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The exercise schedule's timer, read by exercise-schedule.bpmn as {@code ${exerciseSchedule.cycle}}: a Camunda
 * cycle (a cron expression such as "0 0 6 * * ?", in the server's time zone, or an ISO-8601 repetition). The engine
 * re-reads it each time the timer fires (reevaluateTimeCycleWhenDue), so a changed property applies from the
 * next firing.
 */
@Component("exerciseSchedule")
public class ExerciseScheduleSettings {

    private final String cycle;

    ExerciseScheduleSettings(@Value("${modelgov.exercises.schedule:0 0 6 * * ?}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
