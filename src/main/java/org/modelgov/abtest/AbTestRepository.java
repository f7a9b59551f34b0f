package org.modelgov.abtest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where A/B tests are kept ({@code modelgov.ab_test}). */
public interface AbTestRepository {

    void insert(AbTest test);

    /** The version's latest test, locked for update (the stage's steps and the stop API change it). */
    Optional<AbTest> latestForUpdate(String versionId);

    Optional<AbTest> latest(String versionId);

    /** Newest first. */
    List<AbTest> ofModel(String modelId, int limit);

    /** The running test of any version of the model, if one runs. */
    Optional<AbTest> runningOfModelForUpdate(String modelId);

    void startWindow(String id, Instant startedAt, Instant windowEndsAt);

    void end(String id, AbTestOutcome outcome, String reason, Instant endedAt, String evidenceReportId);

    void requestStop(String id, String stoppedBy, String reason, Instant at);

    void promoted(String id, Instant at);
}
