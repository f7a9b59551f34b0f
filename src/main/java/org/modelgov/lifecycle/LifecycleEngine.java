package org.modelgov.lifecycle;

import java.util.Map;
import java.util.Optional;

/** Port: the workflow engine that runs lifecycles (Camunda). One lifecycle per version, keyed by its id. */
public interface LifecycleEngine {

    String PROCESS_KEY = "ModelLifecycleProcess";

    Optional<LifecycleState> state(String versionId);

    /** Starts the version's lifecycle; the caller has checked none exists. */
    LifecycleState start(String versionId, Map<String, Object> variables);

    /**
     * Delivers an event to the running lifecycle.
     *
     * @throws org.modelgov.common.ConflictException when the lifecycle is not waiting for this event now
     */
    void deliver(String versionId, LifecycleEvent event, Map<String, Object> variables);

    /** Suspends (or resumes) the lifecycle's timers: reassessments pause while a model is contained. */
    void pauseTimers(String versionId, boolean paused);
}
