package org.modelgov.aws.sfn;

import org.modelgov.pipeline.PipelineCallbacks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * AWS mode: a waiting pipeline is answered with SendTaskSuccess / SendTaskFailure, and kept alive with
 * SendTaskHeartbeat every {@code modelgov.aws.pipeline-heartbeat-interval} (default 5 minutes; set the state
 * machine's HeartbeatSeconds above it) while people work; {@code AwsBackgroundJobs} schedules the heartbeats.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class StepFunctionsCallbacks implements PipelineCallbacks {

    private final StepFunctionsGate gate;

    StepFunctionsCallbacks(StepFunctionsGate gate) {
        this.gate = gate;
    }

    @Override
    public void success(String taskToken, String decisionJson) {
        gate.sendSuccess(taskToken, decisionJson);
    }

    @Override
    public void failure(String taskToken, String error, String cause) {
        gate.sendFailure(taskToken, error, cause);
    }

    @Override
    public void heartbeat(String taskToken) {
        gate.heartbeat(taskToken);
    }
}
