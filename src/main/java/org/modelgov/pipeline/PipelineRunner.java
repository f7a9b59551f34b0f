package org.modelgov.pipeline;

/**
 * Port: runs a team's own pipeline (Step Functions StartExecution / DescribeExecution in AWS mode). Starting is
 * idempotent per run key: a retried job finds the execution it already started.
 */
public interface PipelineRunner {

    /** @return a reference to the execution (its ARN in AWS mode) */
    String start(String pipelineArn, String runKey, String inputJson);

    Outcome status(String executionRef);

    /** @param status RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED */
    record Outcome(String status, String detail) {

        public boolean finished() {
            return !"RUNNING".equals(status) && !"PENDING_REDRIVE".equals(status);
        }

        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }
    }
}
