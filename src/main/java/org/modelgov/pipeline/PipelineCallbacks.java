package org.modelgov.pipeline;

/**
 * Port: answers a waiting pipeline (Step Functions SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat in
 * AWS mode; locally there is no pipeline to call and the answer is only recorded).
 */
public interface PipelineCallbacks {

    void success(String taskToken, String decisionJson);

    void failure(String taskToken, String error, String cause);

    void heartbeat(String taskToken);
}
