package org.modelgov.pipeline;

import java.time.Instant;

/** A pipeline (Step Functions execution) waiting on ModelGov's decision about a model package. */
public record PipelineGate(String id, String taskToken, String modelPackageArn, String versionId, String registeredBy,
                           Instant receivedAt, Instant answeredAt, String outcome) {

    public boolean open() {
        return answeredAt == null;
    }
}
