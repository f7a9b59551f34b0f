package org.modelgov.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where gates are kept. */
public interface PipelineGateRepository {

    void insert(PipelineGate gate);

    Optional<PipelineGate> find(String id);

    Optional<PipelineGate> openByToken(String taskToken);

    List<PipelineGate> open(String versionId);

    List<PipelineGate> allOpen();

    void answered(String id, String outcome, Instant at);

    void heartbeat(String id, Instant at);
}
