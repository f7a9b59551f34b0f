package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.modelgov.support.ProcessTests.runAsyncSteps;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.support.ProcessTests;
import org.modelgov.support.StubbedProcessTest;

/**
 * Every path of incident-response.bpmn: SEV1/SEV2 contained at once, SEV3/SEV4 not; serious incidents with
 * the regulatory report and its three escalations fired by executing their timers; the missed triage target.
 */
@Deployment(resources = {"incident-response.bpmn", "incident-severity.dmn", "report-incident.form",
        "triage-incident.form", "investigate-incident.form", "remediate-incident.form", "file-regulatory-report.form",
        "post-incident-review.form"})
class IncidentResponseProcessTest extends StubbedProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithFullCoverage();

    private ProcessInstance instance;

    @Override
    protected ProcessEngine engine() {
        return engine.getProcessEngine();
    }

    private void report(String type, String tier) {
        instance = runtimeService().startProcessInstanceByKey("IncidentResponseProcess", "INC-1",
                Map.of("incidentId", "INC-1", "modelId", "CREDIT-SCORE-002", "incidentType", type, "riskTier", tier));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordDetection");
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_Triage");
        assertThat(stubs.calls("recordDetection")).isEqualTo(1);
    }

    @Test
    void aSeriousSev1IsContainedAtOnceAndItsReportFiledBeforeClosure() {
        report("HARMFUL_OUTPUT", "HIGH");
        assertThat(variable("suggestedSeverity")).isEqualTo("SEV1");
        assertThat(variable("seriousSuggested")).isEqualTo(true);
        assertThat(variable("triageWithin")).isEqualTo("PT15M");
        Task triage = single("Task_Triage");
        BpmnAwareTests.assertThat(triage).hasCandidateGroup("incident-responders");
        assertThat(triage.getDueDate()).as("due within the SEV1 target").isNotNull();

        complete("Task_Triage", Map.of("severity", "SEV1", "serious", true, "seriousKind", "WIDESPREAD_INFRINGEMENT"));
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).hasPassed("Task_BreakGlass", "Task_StartRegulatoryClock")
                .isWaitingAt("Task_Investigate", "Task_FileRegulatoryReport");
        assertThat(variable("reportWithin")).isEqualTo("P2D");
        BpmnAwareTests.assertThat(single("Task_FileRegulatoryReport")).hasCandidateGroup("compliance-officers");

        complete("Task_Investigate", Map.of("rootCause", "Unvalidated feature"));
        complete("Task_Remediate", Map.of("remediation", "ROLLBACK", "remediationNotes", "Back to version 1"));
        runAsyncSteps();
        assertThat(stubs.calls("restoreService")).isEqualTo(1);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_FileRegulatoryReport");
        complete("Task_FileRegulatoryReport", Map.of("reportReference", "MSA-2026-001"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_PostIncidentReview");
        complete("Task_PostIncidentReview", Map.of("lessonsLearned", "Validate every feature"));
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_CloseIncident", "EndEvent_IncidentClosed");
        assertThat(stubs.taskEvents).containsExactly("complete:Task_Triage", "complete:Task_Investigate",
                "complete:Task_Remediate", "complete:Task_FileRegulatoryReport", "complete:Task_PostIncidentReview");
    }

    @Test
    void aMinorIncidentIsNotContainedAndHasNoReportingDuty() {
        report("DRIFT", "LOW");
        assertThat(variable("suggestedSeverity")).isEqualTo("SEV4");
        complete("Task_Triage", Map.of("severity", "SEV3", "serious", false));
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_Investigate").hasNotPassed("Task_BreakGlass",
                "Task_DetermineReportDeadline");
        complete("Task_Investigate", Map.of("rootCause", "Seasonality"));
        complete("Task_Remediate", Map.of("remediation", "ACCEPT", "remediationNotes", "Within tolerance"));
        runAsyncSteps();
        complete("Task_PostIncidentReview", Map.of("lessonsLearned", "Widen the alarm band"));
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Gateway_RegulatoryDone");
        assertThat(stubs.calls("containIncident")).isZero();
    }

    @Test
    void aGuardDutyFindingsRecordedSeverityIsTheSuggestionAndSetsTheTriageTarget() {
        // IncidentSeverity alone suggests SEV1 for every SECURITY incident; this finding is GuardDuty Low
        stubs.findingSeverity = "SEV4";
        report("SECURITY", "HIGH");
        assertThat(stubs.calls("securityFindingSeverity")).isEqualTo(1);
        assertThat(variable("suggestedSeverity")).isEqualTo("SEV4");
        assertThat(variable("triageWithin")).isEqualTo("PT24H");
        // responders still triage: their severity, not the suggestion, decides containment
        complete("Task_Triage", Map.of("severity", "SEV2", "serious", false));
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).hasPassed("Task_BreakGlass").isWaitingAt("Task_Investigate");
    }

    @Test
    void aMissedTriageTargetAndEachReportingMilestoneEscalate() {
        report("BIAS", "HIGH");
        fire("Timer_TriageTargetMissed");
        runAsyncSteps();
        assertThat(stubs.calls("escalateIncident")).isEqualTo(1);
        complete("Task_Triage", Map.of("severity", "SEV2", "serious", true, "seriousKind", "OTHER"));
        runAsyncSteps();
        assertThat(variable("reportWithin")).isEqualTo("P15D");
        for (String timer : List.of("Timer_ReportHalfway", "Timer_ReportNinetyPercent", "Timer_ReportOverdue")) {
            fire(timer);
        }
        runAsyncSteps();
        assertThat(stubs.calls("escalateIncident")).isEqualTo(4);
        BpmnAwareTests.assertThat(instance).hasPassed("EndEvent_Escalated").isWaitingAt("Task_FileRegulatoryReport",
                "Task_Investigate");
    }

    private void fire(String timer) {
        List<Job> jobs = managementService().createJobQuery().timers().activityId(timer).list();
        assertThat(jobs).as(timer).hasSize(1);
        execute(jobs.get(0));
    }

    private static Task single(String key) {
        List<Task> tasks = taskService().createTaskQuery().taskDefinitionKey(key).list();
        assertThat(tasks).as(key).hasSize(1);
        return tasks.get(0);
    }

    private static void complete(String key, Map<String, Object> variables) {
        taskService().complete(single(key).getId(), variables);
    }

    private Object variable(String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }
}
