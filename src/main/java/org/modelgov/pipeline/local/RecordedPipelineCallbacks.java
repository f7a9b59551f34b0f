package org.modelgov.pipeline.local;

import org.modelgov.pipeline.PipelineCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Local mode: there is no Step Functions to call; the gate's answer is recorded (and logged) only. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class RecordedPipelineCallbacks implements PipelineCallbacks {

    private static final Logger log = LoggerFactory.getLogger(RecordedPipelineCallbacks.class);

    @Override
    public void success(String taskToken, String decisionJson) {
        log.info("Pipeline gate answered (local mode, nothing to call): success {}", decisionJson);
    }

    @Override
    public void failure(String taskToken, String error, String cause) {
        log.info("Pipeline gate answered (local mode, nothing to call): failure {} {}", error, cause);
    }

    @Override
    public void heartbeat(String taskToken) {
        // nothing waits in local mode
    }
}
