package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.modelgov.support.ProcessTests.runAsyncSteps;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.support.StubbedProcessTest;
import org.modelgov.support.ProcessTests;

/** Every path of model-validation.bpmn: three parallel reviews, aggregation, and each overdue review chased. */
@Deployment(resources = {"model-validation.bpmn", "review-technical-validation.form", "review-ethics.form",
        "confirm-business-fitness.form"})
class ModelValidationProcessTest extends StubbedProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithFullCoverage();


    @Override
    protected org.camunda.bpm.engine.ProcessEngine engine() {
        return engine.getProcessEngine();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("ModelValidationProcess", "CREDIT-SCORE-002:1",
                Map.of("versionId", "CREDIT-SCORE-002:1", "riskTier", "HIGH", "taskDeadline", "P3D"));
    }

    @Test
    void checksRunThenThreeReviewersDecideInParallelAndTheFindingsAreAggregated() {
        ProcessInstance instance = start();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_StartValidationRound");
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewTechnicalValidation", "Task_ReviewEthics",
                "Task_ConfirmBusinessFitness");
        BpmnAwareTests.assertThat(task("Task_ReviewTechnicalValidation")).hasCandidateGroup("validators");
        BpmnAwareTests.assertThat(task("Task_ReviewEthics")).hasCandidateGroup("ethics-reviewers");
        BpmnAwareTests.assertThat(task("Task_ConfirmBusinessFitness")).hasCandidateGroup("business-owners");
        assertThat(task("Task_ReviewTechnicalValidation").getDueDate()).isNotNull();
        BpmnAwareTests.assertThat(instance).variables().containsEntry("validationRunId", "run-1")
                .containsKey("technicalSummary").containsKey("fairnessSummary");

        complete(task("Task_ReviewTechnicalValidation"), Map.of("technicalDecision", "APPROVED"));
        complete(task("Task_ReviewEthics"), Map.of("ethicsDecision", "APPROVED"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ConfirmBusinessFitness");
        complete(task("Task_ConfirmBusinessFitness"), Map.of("businessDecision", "APPROVED"));
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_ConcludeValidation",
                "EndEvent_ValidationConcluded");
        assertThat(stubs.calls("concludeValidation")).isEqualTo(1);
        assertThat(stubs.taskEvents).contains("complete:Task_ReviewTechnicalValidation", "complete:Task_ReviewEthics",
                "complete:Task_ConfirmBusinessFitness");
    }

    @Test
    void aTeamPipelineIsStartedAndPolledUntilItEndsBeforeTheTechnicalReview() {
        stubs.teamPipelineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:credit-validation";
        stubs.pipelinePollsRunning = 1;
        ProcessInstance instance = start();
        runAsyncSteps();
        // the reviewers wait until every automated check, the team's pipeline included, has come in
        BpmnAwareTests.assertThat(instance).hasPassed("Task_StartTeamPipeline", "Task_RunFairnessChecks")
                .isWaitingAt("Timer_PipelinePoll", "Gateway_JoinChecks");
        assertThat(engine.getProcessEngine().getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .count()).isZero();
        execute(managementService().createJobQuery().activityId("Timer_PipelinePoll").singleResult());
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).as("still running: waits again").isWaitingAt("Timer_PipelinePoll");
        execute(managementService().createJobQuery().activityId("Timer_PipelinePoll").singleResult());
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewTechnicalValidation", "Task_ReviewEthics",
                "Task_ConfirmBusinessFitness");
        assertThat(stubs.calls("checkTeamPipeline")).isEqualTo(2);
        assertThat(stubs.calls("startTeamPipeline")).isEqualTo(1);
    }

    @Test
    void aFailedRoundEndsTheSameWayWithValidationPassedFalse() {
        stubs.validationOutcomes.add(false);
        ProcessInstance instance = start();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewEthics");
        complete(task("Task_ReviewTechnicalValidation"), Map.of("technicalDecision", "APPROVED"));
        complete(task("Task_ReviewEthics"), Map.of("ethicsDecision", "REJECTED", "ethicsNotes", "DI 0.61"));
        complete(task("Task_ConfirmBusinessFitness"), Map.of("businessDecision", "APPROVED"));
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(engine.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("validationPassed").singleResult().getValue())
                .isEqualTo(false);
    }

    @Test
    void aRoundWhoseAutomatedChecksFailedGoesBackWithoutAskingReviewers() {
        stubs.automatedChecksOutcomes.add(false);
        stubs.validationOutcomes.add(false);
        ProcessInstance instance = start();
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_AssessChecks", "Gateway_ToConclusion",
                "Task_ConcludeValidation").hasNotPassed("SubProcess_Reviews", "Task_ReviewTechnicalValidation",
                "Task_ReviewEthics", "Task_ConfirmBusinessFitness");
        assertThat(stubs.taskEvents).isEmpty();
    }

    @Test
    void openReviewsAreChasedAtTheirDeadlineAndAgainUntilAllAreDone() {
        ProcessInstance instance = start();
        runAsyncSteps();
        fireReviewsOverdue(instance);
        runAsyncSteps();
        assertThat(stubs.calls("chaseOverdueWork")).isEqualTo(1);
        BpmnAwareTests.assertThat(instance).hasPassed("Timer_ReviewsOverdue", "Task_ChaseOverdueWork",
                "EndEvent_OverdueChased");

        // the timer repeats while a review stays open: nothing is silently dropped
        complete(task("Task_ReviewEthics"), Map.of("ethicsDecision", "APPROVED"));
        fireReviewsOverdue(instance);
        runAsyncSteps();
        assertThat(stubs.calls("chaseOverdueWork")).isEqualTo(2);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewTechnicalValidation",
                "Task_ConfirmBusinessFitness");

        // once every review is done the timer is gone
        complete(task("Task_ReviewTechnicalValidation"), Map.of("technicalDecision", "APPROVED"));
        complete(task("Task_ConfirmBusinessFitness"), Map.of("businessDecision", "APPROVED"));
        assertThat(reviewTimers(instance)).isEmpty();
    }

    private void fireReviewsOverdue(ProcessInstance instance) {
        List<Job> timers = reviewTimers(instance);
        assertThat(timers).hasSize(1);
        execute(timers.get(0));
    }

    private static List<Job> reviewTimers(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("Timer_ReviewsOverdue").list();
    }
}
