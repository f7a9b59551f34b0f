package org.modelgov.abtest;

/** Port: the running A/B stage in the workflow engine (Camunda's ChallengerTestProcess). */
public interface ChallengerTestEngine {

    String PROCESS_KEY = "ChallengerTestProcess";
    String STOP_MESSAGE = "StopChallengerTest";

    /** Interrupts the version's running stage: the challenger loses its traffic and the owner remediates. */
    void stop(String versionId);
}
