package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.modelgov.support.ProcessTests.runAsyncSteps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.support.StubbedProcessTest;
import org.modelgov.support.ProcessTests;

/**
 * Every path of model-lifecycle.bpmn, with the real called processes and DMN tables and stand-ins for the
 * Spring beans: each tier's approval, prohibited (by the questionnaire and by the risk officer), remediation,
 * repeated failures (continue and reject), refused sign-off, the review timer with CONTINUE / REVALIDATE /
 * RETIRE, drift, retirement and incident messages, and every overdue timer. The in-production part is the folded
 * SubProcess_InProduction: REVALIDATE and RETIRE end it, and the gateway after it routes on the same decision.
 */
@Deployment(resources = {"model-lifecycle.bpmn", "model-validation.bpmn", "periodic-reassessment.bpmn",
        "challenger-test.bpmn",
        "risk-tier.dmn", "review-cadence.dmn", "governance-policy.dmn", "register-model-version.form",
        "risk-questionnaire.form", "review-risk-tier.form", "review-technical-validation.form", "review-ethics.form",
        "confirm-business-fitness.form", "remediate-findings.form", "decide-after-repeated-failures.form",
        "sign-off.form", "decide-reassessment.form"})
class ModelLifecycleProcessTest extends StubbedProcessTest {

    static final String VERSION = "CREDIT-SCORE-002:1";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithCoverageAtLeast(1.0,
            "ModelValidationProcess", "PeriodicReassessmentProcess", "ChallengerTestProcess");

    private ProcessInstance instance;

    @Override
    protected org.camunda.bpm.engine.ProcessEngine engine() {
        return engine.getProcessEngine();
    }

    // ---- answers that give each tier (risk-tier.dmn) ----

    static Map<String, Object> answers(String tier) {
        Map<String, Object> a = new HashMap<>(Map.of("prohibitedPractice", false, "useArea", "OTHER",
                "decidesAboutIndividuals", false, "humanOversight", "HUMAN_DECIDES", "personalData", "NONE",
                "scale", "SMALL"));
        switch (tier) {
            case "HIGH" -> a.put("useArea", "ESSENTIAL_SERVICES");
            case "MEDIUM" -> a.put("decidesAboutIndividuals", true);
            case "PROHIBITED" -> a.put("prohibitedPractice", true);
            default -> { }
        }
        return a;
    }

    @Test
    void aHighModelIsApprovedAfterTwoSignOffsAndWaitsForItsMonthlyReview() {
        toSignOff("HIGH");
        assertThat(variable("requiredApprovals")).isEqualTo(2);
        assertThat(variable("taskDeadline")).isEqualTo("P3D");

        Task first = single("Task_SignOff");
        assertThat(first.getDueDate()).isNotNull();
        BpmnAwareTests.assertThat(first).hasCandidateGroup("model-risk-committee");
        taskService().complete(first.getId(), Map.of("signOffDecision", "APPROVE"));
        taskService().complete(single("Task_SignOff").getId(), Map.of("signOffDecision", "APPROVE"));
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).hasPassed("Task_DetermineReviewCadence", "Task_ApproveInRegistry")
                .isWaitingAt("Gateway_AwaitReview");
        assertThat(variable("reviewInterval")).isEqualTo("P1M");
        assertThat(stubs.calls("submitForSignOff")).isEqualTo(1);
        // each change outside ModelGov in a step of its own, the waiting pipeline answered last
        assertThat(stubs.calls("decideApproval")).isEqualTo(1);
        assertThat(stubs.calls("applyRegistryDecision")).isEqualTo(1);
        assertThat(stubs.calls("applyModelCardDecision")).isEqualTo(1);
        assertThat(stubs.calls("recordApproval")).isEqualTo(1);
        assertThat(stubs.calls("answerPipeline")).isEqualTo(1);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("Timer_ReviewDue").count()).isEqualTo(1);
    }

    @Test
    void mediumAndLowModelsNeedOneSignOffAndAreReviewedQuarterlyAndYearly() {
        for (String tier : List.of("MEDIUM", "LOW")) {
            toSignOff(tier);
            assertThat(variable("requiredApprovals")).isEqualTo(1);
            taskService().complete(single("Task_SignOff").getId(), Map.of("signOffDecision", "APPROVE"));
            runAsyncSteps();
            BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitReview");
            assertThat(variable("reviewInterval")).isEqualTo(tier.equals("MEDIUM") ? "P3M" : "P12M");
            runtimeService().deleteProcessInstance(instance.getId(), "next tier");
        }
    }

    @Test
    void aProhibitedPracticeEndsTheLifecycleRejectedWithoutAnyReview() {
        start();
        answer("PROHIBITED");
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_RecordRiskTier", "Task_RejectVersion",
                "EndEvent_Rejected").hasNotPassed("Task_ReviewRiskTier", "CallActivity_Validate");
        assertThat(historicVariable("rejectionReason")).asString()
                .startsWith("Prohibited practice under EU AI Act Art. 5");
    }

    @Test
    void aRiskOfficerMayRaiseTheTierToProhibitedWhichEndsRejected() {
        start();
        answer("HIGH");
        complete("Task_ReviewRiskTier", Map.of("confirmedRiskTier", "PROHIBITED",
                "riskTierJustification", "Infers emotions of applicants during interviews"));
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_ReviewRiskTier", "EndEvent_Rejected");
        assertThat(historicVariable("riskTier")).isEqualTo("PROHIBITED");
    }

    @Test
    void aFailedValidationGoesBackToTheOwnerAndTheResubmissionIsValidatedAgain() {
        stubs.validationOutcomes.add(false);
        toValidation("MEDIUM");
        validate();

        Task remediation = single("Task_RemediateFindings");
        assertThat(remediation.getAssignee()).isEqualTo("owner");
        assertThat(((Number) variable("failedValidationRounds")).intValue()).isEqualTo(1);
        assertThat(variable("findingsSummary")).asString().contains("FAIL");
        complete("Task_RemediateFindings", Map.of("remediationNotes", "Rebalanced the training data"));
        runAsyncSteps();
        assertThat(stubs.calls("applyRemediation")).isEqualTo(1);

        validate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_SignOff");
        assertThat(stubs.calls("startValidationRound")).isEqualTo(2);
    }

    @Test
    void afterThreeFailedRoundsRiskOfficersDecideToContinueOrReject() {
        stubs.validationOutcomes.addAll(List.of(false, false, false, false));
        toValidation("HIGH");
        validate();
        complete("Task_RemediateFindings", Map.of("remediationNotes", "fix 1"));
        runAsyncSteps();
        validate();
        complete("Task_RemediateFindings", Map.of("remediationNotes", "fix 2"));
        runAsyncSteps();
        validate();

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideAfterRepeatedFailures");
        BpmnAwareTests.assertThat(single("Task_DecideAfterRepeatedFailures")).hasCandidateGroup("risk-officers");
        complete("Task_DecideAfterRepeatedFailures", Map.of("repeatedFailureDecision", "CONTINUE",
                "repeatedFailureJustification", "The owner has a credible fix"));
        complete("Task_RemediateFindings", Map.of("remediationNotes", "fix 3"));
        runAsyncSteps();
        validate();

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideAfterRepeatedFailures");
        complete("Task_DecideAfterRepeatedFailures", Map.of("repeatedFailureDecision", "REJECT",
                "repeatedFailureJustification", "Four rounds without a fix"));
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(historicVariable("rejectionReason")).asString().contains("Four rounds without a fix");
    }

    @Test
    void anApprovedVersionThatFailsItsAbTestGoesBackToTheOwnerAndIsValidatedAndSignedOffAgain() {
        stubs.challengerDecisions.addAll(List.of("RUN", "RUN"));
        stubs.challengerComparisons.addAll(List.of("FAILED", "PASSED"));
        toSignOff("HIGH");
        signOff(2);
        BpmnAwareTests.assertThat(instance).hasPassed("Task_AnswerPipelineApproved").isWaitingAt("CallActivity_ChallengerTest");
        fire("Timer_ObservationWindow");
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).hasPassed("Gateway_ChallengerPassed", "EndEvent_ChallengerSentBack",
                "Event_ChallengerSentBack").isWaitingAt("Task_RemediateFindings").hasNotPassed("SubProcess_InProduction");
        assertThat(variable("challengerOutcome")).isEqualTo("FAILED");
        assertThat(stubs.calls("withdrawChallenger")).isEqualTo(1);
        complete("Task_RemediateFindings", Map.of("remediationNotes", "Fixed the latency regression"));
        runAsyncSteps();
        validate();
        signOff(2);
        fire("Timer_ObservationWindow");
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitReview");
        assertThat(variable("challengerOutcome")).isEqualTo("PASSED");
        assertThat(stubs.calls("promoteChallenger")).isEqualTo(1);
        assertThat(stubs.calls("recordApproval")).isEqualTo(2);
    }

    @Test
    void aStoppedAbTestSendsTheVersionToItsOwner() {
        stubs.challengerDecisions.add("RUN");
        toSignOff("MEDIUM");
        signOff(1);
        runtimeService().createMessageCorrelation("StopChallengerTest").processInstanceBusinessKey(VERSION)
                .correlate();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RemediateFindings");
        assertThat(variable("challengerOutcome")).isEqualTo("STOPPED");
        assertThat(managementService().createJobQuery().timers().activityId("Timer_ObservationWindow").count())
                .as("the window timer is cancelled").isZero();
    }

    @Test
    void aRefusedSignOffRejectsTheVersionWithTheCommitteesReason() {
        toSignOff("HIGH");
        taskService().complete(single("Task_SignOff").getId(), Map.of("signOffDecision", "REJECT",
                "signOffComment", "No fallback plan"));
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected")
                .hasNotPassed("Task_ApproveInRegistry");
        assertThat(historicVariable("rejectionReason")).asString().contains("No fallback plan");
    }

    @Test
    void theReviewTimerStartsAReassessmentContinueSchedulesTheNextReviewAndRevalidateValidatesAgain() {
        toProduction("LOW");
        fire("Timer_ReviewDue");
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_Reassess");
        assertThat(variable("reassessmentTrigger")).isEqualTo("SCHEDULED");
        decideReassessment("CONTINUE");
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).hasPassed("Task_ScheduleNextReview").isWaitingAt("Gateway_AwaitReview");

        fire("Timer_ReviewDue");
        runAsyncSteps();
        decideReassessment("REVALIDATE");
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).hasPassed("EndEvent_RevalidationDecided", "Gateway_LeaveProduction")
                .isWaitingAt("CallActivity_Validate");
        // the decision outlives the folded in-production part: the gateway after it routed on it
        assertThat(variable("reassessmentDecision")).isEqualTo("REVALIDATE");
        assertThat(((Number) variable("failedValidationRounds")).intValue()).isZero();
        validate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_SignOff");
    }

    @Test
    void aReassessmentMayRetireTheVersion() {
        toProduction("MEDIUM");
        fire("Timer_ReviewDue");
        runAsyncSteps();
        decideReassessment("RETIRE");
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_RetirementDecided", "Task_RetireModel",
                "EndEvent_Retired").hasNotPassed("EndEvent_RevalidationDecided");
        assertThat(historicVariable("retirementReason")).asString().startsWith("Reassessment decided to retire");
    }

    @Test
    void reportedDriftStartsAnExtraReassessmentAtOnce() {
        toProduction("HIGH");
        runtimeService().createMessageCorrelation("DriftReported").processInstanceBusinessKey(VERSION)
                .setVariable("driftSummary", "PSI 0.31 on income").correlate();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).hasPassed("Event_DriftReported").isWaitingAt("CallActivity_Reassess");
        assertThat(variable("reassessmentTrigger")).isEqualTo("DRIFT_REPORTED");
        assertThat(managementService().createJobQuery().activityId("Timer_ReviewDue").count()).isZero();
    }

    @Test
    void retirementRequestedAtAnyTimeEndsTheLifecycleCleanly() {
        toValidation("HIGH");
        runtimeService().createMessageCorrelation("RetireRequested").processInstanceBusinessKey(VERSION)
                .setVariable("retirementReason", "Replaced by version 2").correlate();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_RetireOnRequest", "EndEvent_RetiredOnRequest");
        assertThat(runtimeService().createProcessInstanceQuery().count()).as("the validation round is cancelled too")
                .isZero();
        assertThat(stubs.calls("decideRetirement")).isEqualTo(1);
        assertThat(stubs.calls("answerPipeline")).isEqualTo(1);
    }

    @Test
    void retirementRequestedInProductionReachesTheFoldedPartAndEndsTheLifecycle() {
        toProduction("LOW");
        runtimeService().createMessageCorrelation("RetireRequested").processInstanceBusinessKey(VERSION)
                .setVariable("retirementReason", "Superseded").correlate();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_RetireOnRequest", "EndEvent_RetiredOnRequest")
                .hasNotPassed("CallActivity_Reassess", "Task_RetireModel");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("the review timer inside the in-production part is cancelled").isZero();
    }

    @Test
    void anIncidentIsNotedAndTheLifecycleCarriesOn() {
        toProduction("HIGH");
        runtimeService().createMessageCorrelation("IncidentReported").processInstanceBusinessKey(VERSION)
                .setVariable("incidentSummary", "Approval rate fell by half").correlate();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).hasPassed("Task_NoteIncident", "EndEvent_IncidentNoted")
                .isWaitingAt("Gateway_AwaitReview");
        assertThat(stubs.calls("noteIncident")).isEqualTo(1);

        runtimeService().createMessageCorrelation("IncidentClosed").processInstanceBusinessKey(VERSION)
                .setVariable("closedIncident", "INC-1").correlate();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).hasPassed("Task_NoteIncidentClosed", "EndEvent_IncidentClosedNoted")
                .isWaitingAt("Gateway_AwaitReview");
    }

    @Test
    void everyOverdueLifecycleTaskIsChased() {
        start();
        fire("Timer_AnswerRiskQuestionnaireOverdue");
        answer("HIGH");
        fire("Timer_ReviewRiskTierOverdue");
        complete("Task_ReviewRiskTier", Map.of("confirmedRiskTier", "HIGH"));
        stubs.validationOutcomes.addAll(List.of(false, false, false));
        runAsyncSteps();
        validate();
        fire("Timer_RemediateFindingsOverdue");
        complete("Task_RemediateFindings", Map.of("remediationNotes", "fix"));
        runAsyncSteps();
        validate();
        complete("Task_RemediateFindings", Map.of("remediationNotes", "fix"));
        runAsyncSteps();
        validate();
        fire("Timer_DecideAfterRepeatedFailuresOverdue");
        complete("Task_DecideAfterRepeatedFailures", Map.of("repeatedFailureDecision", "CONTINUE",
                "repeatedFailureJustification", "go on"));
        complete("Task_RemediateFindings", Map.of("remediationNotes", "fix"));
        runAsyncSteps();
        validate();
        fire("Timer_SignOffOverdue");
        runAsyncSteps();
        assertThat(stubs.calls("chaseOverdueWork")).isEqualTo(5);
        BpmnAwareTests.assertThat(instance).hasPassed("Gateway_AnyTaskOverdue", "EndEvent_OverdueChased")
                .isWaitingAt("Task_SignOff");
    }

    // ---- the diagram: BpmnLayoutTest checks every plane's rules; this checks what is particular to the lifecycle

    static final List<String> HAPPY_PATH = List.of("StartEvent_VersionRegistered", "SubProcess_OpenRecords",
            "Task_AnswerRiskQuestionnaire", "Task_DecideRiskTier", "Gateway_SuggestedProhibited", "Task_ReviewRiskTier",
            "Gateway_TierDecided", "Task_RecordRiskTier", "Gateway_Prohibited", "Task_ApplyTierPolicy",
            "Gateway_ValidationRound", "CallActivity_Validate", "Gateway_ValidationPassed", "Task_SubmitForSignOff",
            "Task_SignOff", "Gateway_SignedOff", "SubProcess_Approve", "SubProcess_InProduction");

    @Test
    void theHappyPathRunsOnOneLineWithTheValidationLoopRightBelowTheValidationCall() throws Exception {
        Map<String, double[]> main = shapesOfPlane("ModelLifecycleProcess");
        double lineY = centreY(main.get(HAPPY_PATH.get(0)));
        double previousRight = Double.NEGATIVE_INFINITY;
        for (String id : HAPPY_PATH) {
            double[] b = main.get(id);
            assertThat(b).as(id + " is drawn on the main plane").isNotNull();
            assertThat(centreY(b)).as(id + " sits on the happy path's line").isEqualTo(lineY);
            assertThat(b[0]).as(id + " comes after the step before it").isGreaterThan(previousRight);
            previousRight = b[0] + b[2];
        }
        double validateX = b(main, "CallActivity_Validate")[0] + 50;
        for (String id : List.of("Gateway_TooManyFailures", "Task_RemediateFindings", "Task_ApplyRemediation",
                "Task_DecideAfterRepeatedFailures", "Gateway_RepeatedFailureDecision")) {
            double[] b = b(main, id);
            assertThat(b[1]).as(id + " is below the line").isGreaterThan(lineY + 40);
            assertThat(Math.abs(b[0] + b[2] / 2 - validateX)).as(id + " is beside the validation call").isLessThan(250);
        }
        // the in-production part is read in its own plane, drilled into from the main one
        Map<String, double[]> inProduction = shapesOfPlane("SubProcess_InProduction");
        for (String id : List.of("Gateway_AwaitReview", "Timer_ReviewDue", "Event_DriftReported", "CallActivity_Reassess",
                "Gateway_ReassessmentDecision", "Task_ScheduleNextReview")) {
            assertThat(inProduction).as(id).containsKey(id);
            assertThat(main).as(id).doesNotContainKey(id);
        }
    }

    private static double[] b(Map<String, double[]> shapes, String id) {
        assertThat(shapes).as(id).containsKey(id);
        return shapes.get(id);
    }

    private static double centreY(double[] bounds) {
        return bounds[1] + bounds[3] / 2;
    }

    /** Shape bounds (x, y, width, height) by element id, of the plane drawing the given process or subprocess. */
    private static Map<String, double[]> shapesOfPlane(String element) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document doc;
        try (java.io.InputStream in = ModelLifecycleProcessTest.class.getResourceAsStream("/model-lifecycle.bpmn")) {
            doc = factory.newDocumentBuilder().parse(in);
        }
        String di = "http://www.omg.org/spec/BPMN/20100524/DI";
        org.w3c.dom.NodeList planes = doc.getElementsByTagNameNS(di, "BPMNPlane");
        Map<String, double[]> shapes = new HashMap<>();
        for (int i = 0; i < planes.getLength(); i++) {
            org.w3c.dom.Element plane = (org.w3c.dom.Element) planes.item(i);
            if (!element.equals(plane.getAttribute("bpmnElement"))) {
                continue;
            }
            org.w3c.dom.NodeList list = plane.getElementsByTagNameNS(di, "BPMNShape");
            for (int j = 0; j < list.getLength(); j++) {
                org.w3c.dom.Element shape = (org.w3c.dom.Element) list.item(j);
                org.w3c.dom.Element bounds = (org.w3c.dom.Element) shape
                        .getElementsByTagNameNS("http://www.omg.org/spec/DD/20100524/DC", "Bounds").item(0);
                shapes.put(shape.getAttribute("bpmnElement"), new double[] {
                        Double.parseDouble(bounds.getAttribute("x")), Double.parseDouble(bounds.getAttribute("y")),
                        Double.parseDouble(bounds.getAttribute("width")),
                        Double.parseDouble(bounds.getAttribute("height"))});
            }
        }
        assertThat(shapes).as("plane of " + element).isNotEmpty();
        return shapes;
    }

    // ---- steps ----

    private void start() {
        instance = runtimeService().startProcessInstanceByKey("ModelLifecycleProcess", VERSION,
                Map.of("versionId", VERSION, "modelId", "CREDIT-SCORE-002", "modelName", "Retail credit scoring",
                        "owner", "owner", "registeredBy", "owner"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_OpenGovernanceRecords");
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AnswerRiskQuestionnaire");
        Task questionnaire = single("Task_AnswerRiskQuestionnaire");
        assertThat(questionnaire.getAssignee()).isEqualTo("owner");
        assertThat(questionnaire.getDueDate()).isNotNull();
    }

    private void answer(String tier) {
        complete("Task_AnswerRiskQuestionnaire", answers(tier));
        if (!tier.equals("PROHIBITED")) {
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewRiskTier");
            assertThat(variable("suggestedRiskTier")).isEqualTo(tier);
            assertThat(variable("riskTierReason")).isNotNull();
        }
    }

    private void toValidation(String tier) {
        start();
        answer(tier);
        complete("Task_ReviewRiskTier", Map.of("confirmedRiskTier", tier));
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_Validate");
    }

    private void toSignOff(String tier) {
        toValidation(tier);
        validate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_SignOff");
    }

    private void toProduction(String tier) {
        toSignOff(tier);
        int approvals = (Integer) variable("requiredApprovals");
        for (int i = 0; i < approvals; i++) {
            taskService().complete(single("Task_SignOff").getId(), Map.of("signOffDecision", "APPROVE"));
        }
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitReview");
    }

    private void signOff(int approvals) {
        for (int i = 0; i < approvals; i++) {
            taskService().complete(single("Task_SignOff").getId(), Map.of("signOffDecision", "APPROVE"));
        }
        runAsyncSteps();
    }

    /** Runs one validation round in the called process; its outcome is the stubs' next one. */
    private void validate() {
        runAsyncSteps();
        complete("Task_ReviewTechnicalValidation", Map.of("technicalDecision", "APPROVED"));
        complete("Task_ReviewEthics", Map.of("ethicsDecision", "APPROVED"));
        complete("Task_ConfirmBusinessFitness", Map.of("businessDecision", "APPROVED"));
        runAsyncSteps();
    }

    private void decideReassessment(String decision) {
        complete("Task_DecideReassessment", Map.of("reassessmentDecision", decision,
                "reassessmentJustification", "Evidence reviewed: " + decision));
    }

    private void fire(String timerActivity) {
        List<Job> timers = managementService().createJobQuery().timers().activityId(timerActivity).list();
        assertThat(timers).as(timerActivity).hasSize(1);
        execute(timers.get(0));
    }

    private static Task single(String taskKey) {
        List<Task> tasks = taskService().createTaskQuery().taskDefinitionKey(taskKey).list();
        assertThat(tasks).as(taskKey).hasSize(1);
        return tasks.get(0);
    }

    private static void complete(String taskKey, Map<String, Object> variables) {
        taskService().complete(single(taskKey).getId(), variables);
    }

    private Object variable(String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }

    private Object historicVariable(String name) {
        // process-level variables only (a business rule task's input mapping has a local riskTier too)
        return engine.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).list().stream()
                .filter(v -> instance.getId().equals(v.getActivityInstanceId())).findFirst().orElseThrow().getValue();
    }
}
