package org.modelgov.aws.sfn;

import org.modelgov.pipeline.PipelineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** AWS mode: a team's state machine, started with a name from the run key (idempotent) and polled. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class StepFunctionsPipelineRunner implements PipelineRunner {

    private final StepFunctionsGate gate;

    StepFunctionsPipelineRunner(StepFunctionsGate gate) {
        this.gate = gate;
    }

    @Override
    public String start(String pipelineArn, String runKey, String inputJson) {
        return gate.startExecution(pipelineArn, runKey, inputJson);
    }

    @Override
    public Outcome status(String executionRef) {
        StepFunctionsGate.Execution execution = gate.describe(executionRef);
        String detail = execution.status() == StepFunctionsGate.Status.SUCCEEDED ? execution.output()
                : (execution.error() == null ? "" : execution.error() + ": ") + (execution.cause() == null ? ""
                : execution.cause());
        return new Outcome(execution.status().name(), detail);
    }
}
