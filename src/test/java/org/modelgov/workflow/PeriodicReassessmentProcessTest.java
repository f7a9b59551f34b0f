package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.modelgov.support.ProcessTests.runAsyncSteps;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.support.StubbedProcessTest;
import org.modelgov.support.ProcessTests;

/** Every path of periodic-reassessment.bpmn: evidence, then CONTINUE / REVALIDATE / RETIRE, and the overdue chase. */
@Deployment(resources = {"periodic-reassessment.bpmn", "decide-reassessment.form"})
class PeriodicReassessmentProcessTest extends StubbedProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithFullCoverage();


    @Override
    protected org.camunda.bpm.engine.ProcessEngine engine() {
        return engine.getProcessEngine();
    }

    private ProcessInstance startAndGatherEvidence() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("PeriodicReassessmentProcess",
                "CREDIT-SCORE-002:1", Map.of("versionId", "CREDIT-SCORE-002:1", "riskTier", "HIGH",
                        "taskDeadline", "P3D", "reassessmentTrigger", "SCHEDULED"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_GatherMonitoringEvidence");
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideReassessment").variables()
                .containsEntry("driftBreached", false).containsKey("evidenceSummary");
        BpmnAwareTests.assertThat(task()).hasCandidateGroup("risk-officers").hasCandidateGroup("validators");
        return instance;
    }

    @ParameterizedTest(name = "{0} ends at {1}")
    @CsvSource({"CONTINUE, EndEvent_Continue", "REVALIDATE, EndEvent_Revalidate", "RETIRE, EndEvent_Retire"})
    void theReviewersDecisionEndsTheReassessment(String decision, String end) {
        ProcessInstance instance = startAndGatherEvidence();
        complete(task(), Map.of("reassessmentDecision", decision, "reassessmentJustification", "Evidence read"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(end);
        assertThat(stubs.taskEvents).contains("complete:Task_DecideReassessment");
    }

    @Test
    void anOverdueDecisionIsChasedAndTheReassessmentWaitsOn() {
        ProcessInstance instance = startAndGatherEvidence();
        execute(job("Timer_DecisionOverdue"));
        runAsyncSteps();
        assertThat(stubs.calls("chaseOverdueWork")).isEqualTo(1);
        BpmnAwareTests.assertThat(instance).hasPassed("EndEvent_OverdueChased").isWaitingAt("Task_DecideReassessment");
    }
}
