package org.modelgov.workflow;

import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.modelgov.abtest.AbTestOutcome;
import org.modelgov.abtest.ChallengerStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of challenger-test.bpmn, by the bean names the BPMN uses. Each calls one step of
 * {@link ChallengerStage} with the version id (the business key) and writes back only what the process routes on:
 * {@code challengerTest} (RUN / SKIP), {@code challengerRollout}, {@code observationEndsAt} (the window timer) and
 * {@code challengerOutcome} (what the lifecycle routes on).
 */
@Configuration(proxyBeanMethods = false)
class ChallengerTestDelegates {

    private final ChallengerStage stage;

    ChallengerTestDelegates(ChallengerStage stage) {
        this.stage = stage;
    }

    @Bean
    JavaDelegate decideChallengerTest() {
        return execution -> {
            ChallengerStage.Decision decision = stage.decide(LifecycleDelegates.versionId(execution));
            execution.setVariable("challengerTest", decision.name());
            if (decision == ChallengerStage.Decision.SKIP) {
                execution.setVariable("challengerOutcome", AbTestOutcome.SKIPPED.name());
            }
        };
    }

    @Bean
    JavaDelegate deployChallenger() {
        return execution -> stage.deployChallenger(LifecycleDelegates.versionId(execution));
    }

    @Bean
    JavaDelegate checkChallengerRollout() {
        return execution -> execution.setVariable("challengerRollout",
                stage.rollout(LifecycleDelegates.versionId(execution)).name());
    }

    @Bean
    JavaDelegate recordChallengerRolloutFailure() {
        return execution -> execution.setVariable("challengerOutcome",
                stage.recordRolloutFailure(LifecycleDelegates.versionId(execution)).name());
    }

    @Bean
    JavaDelegate startChallengerObservation() {
        return execution -> execution.setVariable("observationEndsAt",
                Date.from(stage.startObservation(LifecycleDelegates.versionId(execution))));
    }

    @Bean
    JavaDelegate compareChallenger() {
        return execution -> execution.setVariable("challengerOutcome",
                stage.compare(LifecycleDelegates.versionId(execution)).name());
    }

    @Bean
    JavaDelegate promoteChallenger() {
        return execution -> stage.promote(LifecycleDelegates.versionId(execution));
    }

    @Bean
    JavaDelegate withdrawChallenger() {
        return execution -> stage.withdrawChallenger(LifecycleDelegates.versionId(execution));
    }

    @Bean
    JavaDelegate recordChallengerStop() {
        return execution -> execution.setVariable("challengerOutcome",
                stage.recordStop(LifecycleDelegates.versionId(execution)).name());
    }
}
