package org.modelgov.workflow;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.modelgov.abtest.ChallengerTestEngine;
import org.modelgov.common.ConflictException;
import org.springframework.stereotype.Component;

/** The A/B stage on Camunda: ChallengerTestProcess, called by the lifecycle with the version id as business key. */
@Component
class CamundaChallengerTestEngine implements ChallengerTestEngine {

    private final RuntimeService runtime;

    CamundaChallengerTestEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void stop(String versionId) {
        try {
            runtime.createMessageCorrelation(STOP_MESSAGE)
                    .processInstanceBusinessKey(versionId).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("The A/B stage of " + versionId + " is not running in the engine now");
        }
    }
}
