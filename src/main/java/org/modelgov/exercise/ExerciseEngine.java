package org.modelgov.exercise;

import java.util.List;
import org.modelgov.incident.IncidentEngine;

/** Port: the workflow engine running an exercise's fault experiment (ExerciseFaultProcess, business key = exercise id). */
public interface ExerciseEngine {

    String FAULT_PROCESS_KEY = "ExerciseFaultProcess";

    /** Starts the experiment's steps; they run asynchronously, after the caller's transaction commits. */
    void startFaultExperiment(String exerciseId);

    /** The fault experiment's steps (start, each poll, each check), for the exercise's timeline. */
    List<IncidentEngine.Step> faultTimeline(String exerciseId);
}
