package org.modelgov.exercise;

/**
 * Port: fault experiments that make an exercise real (AWS Fault Injection Service in AWS mode, simulated locally).
 * Both calls are safe to retry: starting twice for one exercise starts one experiment.
 */
public interface FaultExperiments {

    /** FIS's experiment states. */
    enum Status {
        PENDING, INITIATING, RUNNING, COMPLETED, STOPPING, STOPPED, FAILED, CANCELLED;

        public boolean ended() {
            return this == COMPLETED || this == STOPPED || this == FAILED || this == CANCELLED;
        }
    }

    record State(Status status, String reason) {
    }

    /** Starts the template's experiment for this exercise (idempotent per exercise) and answers its id. */
    String start(String templateId, String exerciseId);

    State state(String experimentId);
}
