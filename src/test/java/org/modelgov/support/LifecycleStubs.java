package org.modelgov.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the lifecycle's Spring beans in plain-engine process tests: each service task records that
 * it ran and sets the variables its real bean would (values a test can change); the task listener records
 * task events. The real beans are tested against the real services in the Spring tests.
 */
public final class LifecycleStubs {

    public static final List<String> SERVICE_BEANS = List.of("openGovernanceRecords", "recordRiskTier",
            "decideRejection", "startValidationRound", "runTechnicalChecks", "runFairnessChecks", "concludeValidation",
            "submitForSignOff", "applyRemediation", "decideApproval", "applyRegistryDecision", "applyModelCardDecision",
            "recordApproval", "answerPipeline", "scheduleNextReview", "decideRetirement",
            "noteIncident", "noteIncidentClosed", "gatherMonitoringEvidence", "chaseOverdueWork", "recordDetection",
            "containIncident", "restoreService", "startRegulatoryClock", "escalateIncident", "closeIncident",
            "startTeamPipeline", "checkTeamPipeline", "assessAutomatedChecks", "startDueExercises",
            "startFaultExperiment", "checkFaultExperiment", "decideChallengerTest",
            "deployChallenger", "checkChallengerRollout", "recordChallengerRolloutFailure",
            "startChallengerObservation", "compareChallenger", "promoteChallenger", "withdrawChallenger",
            "recordChallengerStop");

    /** Bean name → number of times it ran. */
    public final Map<String, Integer> calls = new HashMap<>();
    /** "event:taskDefinitionKey" of every task listener call, in order. */
    public final List<String> taskEvents = new ArrayList<>();
    /** The team pipeline the versions declare (null: none), and how many polls it keeps running. */
    public String teamPipelineArn;
    public int pipelinePollsRunning;
    /** How many checks of an exercise's fault experiment still find it running. */
    public int faultChecksRunning;
    /** The severity a GuardDuty finding recorded with the incident suggests (null: no finding opened it). */
    public String findingSeverity;

    /** Whether the next rounds' automated checks pass, in order; true once exhausted. */
    public final List<Boolean> automatedChecksOutcomes = new ArrayList<>();
    /** What the next validation rounds conclude, in order; true (passed) once exhausted. */
    public final List<Boolean> validationOutcomes = new ArrayList<>();
    /** What the A/B stage's policy decides next (RUN / SKIP), in order; SKIP once exhausted. */
    public final List<String> challengerDecisions = new ArrayList<>();
    /** What the next rollout checks find (IN_PROGRESS / SERVING / FAILED), in order; SERVING once exhausted. */
    public final List<String> challengerRollouts = new ArrayList<>();
    /** What the next comparisons conclude (PASSED / FAILED / INCONCLUSIVE / STOPPED); PASSED once exhausted. */
    public final List<String> challengerComparisons = new ArrayList<>();
    private int round;
    /** Failed rounds so far; a test of revalidation sets it back as the real count would. */
    public int failedRounds;

    public static LifecycleStubs register() {
        LifecycleStubs stubs = new LifecycleStubs();
        for (String bean : SERVICE_BEANS) {
            Mocks.register(bean, (JavaDelegate) execution -> {
                stubs.calls.merge(bean, 1, Integer::sum);
                stubs.effect(bean, execution);
            });
        }
        Mocks.register("lifecycleStartListener", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> {
            stubs.calls.merge("lifecycleStartListener", 1, Integer::sum);
            execution.setVariable("riskTier", "UNASSESSED");
        });
        Mocks.register("securityFindingSeverity", new FindingSeverity(stubs));
        Mocks.register("incidentStartListener", (org.camunda.bpm.engine.delegate.ExecutionListener) execution ->
                stubs.calls.merge("incidentStartListener", 1, Integer::sum));
        Mocks.register("incidentTaskListener",
                (TaskListener) (DelegateTask task) -> stubs.taskEvents.add(task.getEventName() + ":"
                        + task.getTaskDefinitionKey()));
        Mocks.register("exerciseParticipants", (TaskListener) (DelegateTask task) ->
                stubs.calls.merge("exerciseParticipants", 1, Integer::sum));
        Mocks.register("reviewDecisionListener",
                (TaskListener) (DelegateTask task) -> stubs.taskEvents.add(task.getEventName() + ":"
                        + task.getTaskDefinitionKey()));
        return stubs;
    }

    /** Stands in for workflow.SecurityFindingSeverity: the finding's suggestion, else what the DMN decided. */
    public static final class FindingSeverity {

        private final LifecycleStubs stubs;

        FindingSeverity(LifecycleStubs stubs) {
            this.stubs = stubs;
        }

        public String suggest(String incidentId, Object decided) {
            stubs.calls.merge("securityFindingSeverity", 1, Integer::sum);
            return stubs.findingSeverity != null ? stubs.findingSeverity : String.valueOf(decided);
        }
    }

    public int calls(String bean) {
        return calls.getOrDefault(bean, 0);
    }

    private void effect(String bean, org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        switch (bean) {
            case "recordRiskTier" -> {
                Object confirmed = execution.getVariable("confirmedRiskTier");
                execution.setVariable("riskTier", confirmed != null ? confirmed : execution.getVariable("suggestedRiskTier"));
            }
            case "startValidationRound" -> execution.setVariable("validationRunId", "run-" + (++round));
            case "runTechnicalChecks" -> {
                execution.setVariable("technicalSummary", "PASS technical PERFORMANCE: ok");
                execution.setVariable("teamPipelineArn", teamPipelineArn);
            }
            case "assessAutomatedChecks" -> execution.setVariable("automatedChecksPassed",
                    automatedChecksOutcomes.isEmpty() || automatedChecksOutcomes.remove(0));
            case "startTeamPipeline" -> execution.setVariable("pipelineExecution", "execution-1");
            case "checkTeamPipeline" -> execution.setVariable("pipelineEnded", pipelinePollsRunning-- <= 0);
            case "runFairnessChecks" -> execution.setVariable("fairnessSummary", "PASS ethical DI:sex=Female: ok");
            case "concludeValidation" -> {
                boolean passed = validationOutcomes.isEmpty() || validationOutcomes.remove(0);
                execution.setVariable("validationPassed", passed);
                execution.setVariable("findingsSummary", passed ? "no failures" : "FAIL ethical DI:sex=Female: 0.61");
                // the real step counts the version's failed rounds since its last revalidation
                failedRounds = passed ? failedRounds : failedRounds + 1;
                execution.setVariable("failedValidationRounds", failedRounds);
            }
            case "recordApproval", "scheduleNextReview" -> execution.setVariable("nextReviewAt",
                    new java.util.Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));
            case "gatherMonitoringEvidence" -> {
                execution.setVariable("reassessmentRunId", "reassessment-1");
                execution.setVariable("driftBreached", false);
                execution.setVariable("evidenceSummary", "PASS monitoring DRIFT: none");
            }
            case "checkFaultExperiment" -> execution.setVariable("faultEnded", faultChecksRunning-- <= 0);
            case "decideChallengerTest" -> {
                String decision = challengerDecisions.isEmpty() ? "SKIP" : challengerDecisions.remove(0);
                execution.setVariable("challengerTest", decision);
                if (decision.equals("SKIP")) {
                    execution.setVariable("challengerOutcome", "SKIPPED");
                }
            }
            case "checkChallengerRollout" -> execution.setVariable("challengerRollout",
                    challengerRollouts.isEmpty() ? "SERVING" : challengerRollouts.remove(0));
            case "recordChallengerRolloutFailure" -> execution.setVariable("challengerOutcome", "FAILED");
            case "startChallengerObservation" -> execution.setVariable("observationEndsAt",
                    new java.util.Date(System.currentTimeMillis() + 7L * 24 * 3600 * 1000));
            case "compareChallenger" -> execution.setVariable("challengerOutcome",
                    challengerComparisons.isEmpty() ? "PASSED" : challengerComparisons.remove(0));
            case "recordChallengerStop" -> execution.setVariable("challengerOutcome", "STOPPED");
            case "startRegulatoryClock" -> {
                long now = System.currentTimeMillis();
                execution.setVariable("reportDueAt", new java.util.Date(now + 2L * 24 * 3600 * 1000));
                execution.setVariable("reportHalfwayAt", new java.util.Date(now + 24L * 3600 * 1000));
                execution.setVariable("reportNinetyPercentAt", new java.util.Date(now + 43L * 3600 * 1000));
            }
            default -> {
                // the others only have effects outside the engine
            }
        }
    }

    public static void reset() {
        Mocks.reset();
    }
}
