package org.modelgov.validation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where check runs and their findings are kept. */
public interface CheckRunRepository {

    void insert(CheckRun run);

    Optional<CheckRun> find(String runId);

    /** Appends findings after those the run already has. */
    void addFindings(String runId, List<Finding> findings);

    List<Finding> findings(String runId);

    void conclude(String runId, String outcome, Instant at);

    /** Runs of a version, newest first. */
    List<CheckRun> runs(String versionId);
}
