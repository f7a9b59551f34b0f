package org.modelgov.aws.fis;

import java.util.Map;
import org.modelgov.exercise.FaultExperiments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;

/**
 * AWS mode: an exercise's fault is an AWS Fault Injection Service experiment from the template its scenario names.
 * StartExperiment carries a client token derived from the exercise id, so a retried step gets the experiment the
 * first attempt started instead of a second one; the experiment is tagged with the exercise. GetExperiment reads
 * its state (the process polls it on a timer; nothing here waits).
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class FisFaultExperiments implements FaultExperiments {

    static final String TAG = "modelgov:exercise";

    private final FisClient fis;

    FisFaultExperiments(FisClient fis) {
        this.fis = fis;
    }

    static String clientToken(String exerciseId) {
        return "modelgov-exercise-" + exerciseId;
    }

    @Override
    public String start(String templateId, String exerciseId) {
        return fis.startExperiment(r -> r.experimentTemplateId(templateId).clientToken(clientToken(exerciseId))
                .tags(Map.of(TAG, exerciseId))).experiment().id();
    }

    @Override
    public State state(String experimentId) {
        Experiment experiment = fis.getExperiment(r -> r.id(experimentId)).experiment();
        if (experiment.state() == null || experiment.state().status() == null
                || experiment.state().status() == ExperimentStatus.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalStateException("FIS answered no known state for experiment " + experimentId
                    + ": " + (experiment.state() == null ? "none" : experiment.state().statusAsString()));
        }
        String reason = experiment.state().reason();
        if (experiment.state().error() != null && experiment.state().error().code() != null) {
            reason = (reason == null ? "" : reason + " ") + "(error " + experiment.state().error().code()
                    + (experiment.state().error().location() == null ? "" : " at "
                    + experiment.state().error().location()) + ")";
        }
        return new State(Status.valueOf(experiment.state().status().name()), reason);
    }
}
