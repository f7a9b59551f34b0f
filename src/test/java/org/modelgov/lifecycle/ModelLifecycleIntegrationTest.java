package org.modelgov.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.documentation.ModelCardService;
import org.modelgov.documentation.ModelCardStatus;
import org.modelgov.registry.ApprovalStatus;
import org.modelgov.registry.RegistryService;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewService;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.modelgov.validation.FindingLevel;
import org.modelgov.validation.ValidationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The governance lifecycle end to end on the real engine, services and database: REST registration,
 * the questionnaire and RiskTier, metrics computed on real datasets, segregation of duties enforced by
 * the engine, registry approval, model card, review timer, reassessment with drift, and retirement.
 */
@ModelGovIntegrationTest
class ModelLifecycleIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RegistryService registry;
    @Autowired
    ModelCardService cards;
    @Autowired
    ReviewService reviews;
    @Autowired
    ValidationService validation;
    @Autowired
    LifecycleService lifecycle;

    private LifecycleDriver driver;
    private Api owner;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        // a person in two roles: the engine must stop them validating and then signing off
        TestUsers.ensure(engine.getIdentityService(), "dual-role", "validators", "model-risk-committee");
        // an owner who also holds every reviewing role: independence must stop them on their own model
        TestUsers.ensure(engine.getIdentityService(), "owning-officer", "model-owners", "risk-officers",
                "validators", "model-risk-committee");
    }

    static Map<String, Object> highRiskAnswers() {
        return new HashMap<>(Map.of("useArea", "ESSENTIAL_SERVICES", "prohibitedPractice", false,
                "decidesAboutIndividuals", true, "humanOversight", "HUMAN_REVIEWS", "personalData", "PERSONAL",
                "scale", "LARGE"));
    }

    private String registerModel() {
        return registerModel("owner");
    }

    private String registerModel(String modelOwner) {
        return registerModel(modelOwner, "credit-line");
    }

    /** @param endpoint null: not deployed (an A/B stage has no champion to compare with) */
    private String registerModel(String modelOwner, String endpoint) {
        String id = "LC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response created = owner.post("/api/models", "{\"id\": \"" + id + "\", \"name\": \"Credit line model\","
                + " \"purpose\": \"Sets credit lines for card customers\", \"owner\": \"" + modelOwner + "\""
                + (endpoint == null ? "" : ", \"deployment\": {\"endpointName\": \"" + endpoint + "\"}") + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    private JsonNode registerVersion(String modelId, String evaluationFile) {
        Api.Response response = owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s",
                 "referenceDatasetUri": "%s", "currentDatasetUri": "%s", "explainabilityReportUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/credit", "networkIsolation": true, "vpc": true,
                                     "dataCapture": true, "interContainerEncryption": true}}
                """.formatted(LifecycleDriver.demoFile(evaluationFile), LifecycleDriver.demoFile("analysis-config.json"),
                LifecycleDriver.demoFile("reference.csv"), LifecycleDriver.demoFile("current.csv"),
                LifecycleDriver.demoFile("explainability.json")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode version = response.json();
        assertThat(version.path("lifecycle").path("processInstanceId").asText()).isNotBlank();
        driver.runJobs();
        return version;
    }

    private void validateAll(String versionId, String technicalReviewer) {
        driver.complete(versionId, "Task_ReviewTechnicalValidation", technicalReviewer,
                Map.of("technicalDecision", "APPROVED"));
        driver.complete(versionId, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(versionId, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
    }

    private void unclaim(String versionId, String taskKey) {
        engine.getTaskService().setAssignee(driver.task(versionId, taskKey).getId(), null);
    }

    @Test
    void aHighRiskModelIsApprovedByTwoIndependentApproversAndReassessedWhenItsReviewIsDue() {
        // not deployed: its A/B stage has no champion, so it is approved without one (ChallengerStageIntegrationTest
        // has a HIGH model at an endpoint run as a challenger)
        String modelId = registerModel("owning-officer", null);
        String versionId = registerVersion(modelId, "evaluation.csv").path("id").asText();
        assertThat(registry.find(versionId).orElseThrow().approvalStatus())
                .isEqualTo(ApprovalStatus.PendingManualApproval);
        assertThat(cards.find(versionId).orElseThrow().status()).isEqualTo(ModelCardStatus.Draft);

        // the owner answers; a risk officer may not answer for them
        String questionnaire = driver.task(versionId, "Task_AnswerRiskQuestionnaire").getId();
        assertThatThrownBy(() -> driver.as("risk", () -> engine.getTaskService().complete(questionnaire,
                highRiskAnswers())))
                .isInstanceOf(ProcessEngineException.class);
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owning-officer", highRiskAnswers());

        // independence: the owner may not review their own model's tier, even as a risk officer
        assertThatThrownBy(() -> driver.claim(versionId, "Task_ReviewRiskTier", "owning-officer"))
                .hasMessageContaining("Independence");
        // the tier moves at most one level, and a move needs a justification
        assertThatThrownBy(() -> driver.complete(versionId, "Task_ReviewRiskTier", "risk",
                Map.of("confirmedRiskTier", "LOW", "riskTierJustification", "It is only a pilot with few customers")))
                .hasMessageContaining("one level");
        unclaim(versionId, "Task_ReviewRiskTier");
        assertThatThrownBy(() -> driver.complete(versionId, "Task_ReviewRiskTier", "risk",
                Map.of("confirmedRiskTier", "MEDIUM"))).hasMessageContaining("justification");
        unclaim(versionId, "Task_ReviewRiskTier");
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "HIGH"));
        JsonNode model = owner.get("/api/models/" + modelId).json();
        assertThat(model.path("riskTier").asText()).isEqualTo("HIGH");
        assertThat(model.path("status").asText()).isEqualTo("IN_REVIEW");

        // validation: real metrics on the evaluation data, three independent reviews
        assertThatThrownBy(() -> driver.claim(versionId, "Task_ReviewTechnicalValidation", "owning-officer"))
                .hasMessageContaining("Independence");
        validateAll(versionId, "dual-role");
        String runId = reviews.decisions(versionId).stream()
                .filter(d -> d.kind() == ReviewKind.TECHNICAL_VALIDATION).map(ReviewDecision::basis)
                .findFirst().orElseThrow();
        var findings = validation.findings(runId);
        assertThat(findings).as(ValidationService.summary(findings)).noneMatch(f -> f.level() == FindingLevel.FAIL);
        assertThat(findings).anyMatch(f -> f.check().equals("DI:sex=Female") && f.level() == FindingLevel.PASS);
        assertThat(findings).anyMatch(f -> f.check().equals("EXPLAINABILITY") && f.level() == FindingLevel.PASS);
        assertThat(findings).as("NYC LL144 impact ratios, against the four-fifths bound")
                .anyMatch(f -> f.check().equals("IMPACT_RATIO:sex=Female") && f.level() == FindingLevel.PASS);
        assertThat(findings).anyMatch(f -> f.check().equals("PERFORMANCE") && f.evidenceReportId() != null);
        assertThat(cards.find(versionId).orElseThrow().status()).isEqualTo(ModelCardStatus.PendingReview);

        // four eyes: the owner may not sign off, a validator may not sign off, one approver may not approve twice
        assertThatThrownBy(() -> driver.complete(versionId, "Task_SignOff", "owning-officer",
                Map.of("signOffDecision", "APPROVE"))).hasMessageContaining("Independence");
        unclaim(versionId, "Task_SignOff");
        assertThatThrownBy(() -> driver.complete(versionId, "Task_SignOff", "dual-role",
                Map.of("signOffDecision", "APPROVE"))).hasMessageContaining("validated");
        unclaim(versionId, "Task_SignOff");
        driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        assertThat(registry.find(versionId).orElseThrow().approvalStatus())
                .as("one approval of a HIGH model approves nothing").isEqualTo(ApprovalStatus.PendingManualApproval);
        assertThatThrownBy(() -> driver.complete(versionId, "Task_SignOff", "approver1",
                Map.of("signOffDecision", "APPROVE"))).hasMessageContaining("already approved");
        unclaim(versionId, "Task_SignOff");
        driver.complete(versionId, "Task_SignOff", "approver2", Map.of("signOffDecision", "APPROVE"));

        var entry = registry.find(versionId).orElseThrow();
        assertThat(entry.approvalStatus()).isEqualTo(ApprovalStatus.Approved);
        assertThat(entry.approvalDescription()).contains("approver1", "approver2", versionId);
        assertThat(cards.find(versionId).orElseThrow().status()).isEqualTo(ModelCardStatus.Approved);
        model = owner.get("/api/models/" + modelId).json();
        assertThat(model.path("status").asText()).as("approved, not in production: it has no endpoint")
                .isEqualTo("APPROVED");
        JsonNode abTests = owner.get("/api/models/" + modelId + "/ab-tests").json();
        assertThat(abTests.get(0).path("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(abTests.get(0).path("outcomeReason").asText()).contains("No champion to compare with");
        assertThat(model.path("nextReviewDue").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString());
        assertThat(reviews.decisions(versionId)).extracting(ReviewDecision::kind).contains(
                ReviewKind.RISK_QUESTIONNAIRE, ReviewKind.RISK_TIER_REVIEW, ReviewKind.TECHNICAL_VALIDATION,
                ReviewKind.ETHICAL_VALIDATION, ReviewKind.BUSINESS_VALIDATION, ReviewKind.SIGN_OFF);
        Api compliance = Api.as(port, "compliance", "demo");
        assertThat(compliance.get("/api/notifications?modelId=" + modelId).body()).contains("VERSION_APPROVED");
        assertThat(compliance.get("/api/audit?modelId=" + modelId).body())
                .contains("REVIEW_DECIDED", "REGISTRY_APPROVED", "MODEL_VERSION_APPROVED");

        // an incident reported to the lifecycle is counted by the next reassessment
        lifecycle.reportIncident(versionId, "Approval rate fell by half overnight", "responder");
        driver.runJobs();

        // the review timer: drift is measured (the demo's current data has shifted incomes)
        JsonNode version = owner.get("/api/models/" + modelId + "/versions/1").json();
        String instanceId = version.path("lifecycle").path("processInstanceId").asText();
        assertThat(version.path("lifecycle").path("waitingAt").toString()).contains("Gateway_AwaitReview");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instanceId)
                .activityId("Timer_ReviewDue").singleResult().getDuedate().toInstant())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        driver.fireTimer(instanceId, "Timer_ReviewDue");
        driver.runJobs();
        String reassessmentRun = (String) engine.getTaskService().getVariable(
                driver.task(versionId, "Task_DecideReassessment").getId(), "reassessmentRunId");
        assertThat(validation.findings(reassessmentRun)).anyMatch(f -> f.check().startsWith("PSI:income")
                && f.level() == FindingLevel.FAIL);
        assertThat(validation.findings(reassessmentRun)).anyMatch(f -> f.check().equals("INCIDENTS")
                && f.metricValue() == 1.0 && f.level() == FindingLevel.WARN);
        assertThat((Boolean) engine.getTaskService().getVariable(
                driver.task(versionId, "Task_DecideReassessment").getId(), "driftBreached")).isTrue();
        JsonNode driftIncidents = owner.get("/api/incidents?modelId=" + modelId).json();
        assertThat(driftIncidents).as("the breach opened a drift incident").hasSize(1);
        assertThat(driftIncidents.get(0).path("type").asText()).isEqualTo("DRIFT");
        assertThat(driftIncidents.get(0).path("source").asText()).isEqualTo("REASSESSMENT");
        assertThat(driftIncidents.get(0).path("description").asText()).contains("PSI:income");
        assertThatThrownBy(() -> driver.complete(versionId, "Task_DecideReassessment", "risk",
                Map.of("reassessmentDecision", "CONTINUE"))).hasMessageContaining("'Justification' is required");
        unclaim(versionId, "Task_DecideReassessment");
        driver.complete(versionId, "Task_DecideReassessment", "risk", Map.of("reassessmentDecision", "CONTINUE",
                "reassessmentJustification", "Income shift is seasonal; monitor next month"));
        assertThat(owner.get("/api/models/" + modelId + "/versions/1").json().path("lifecycle").path("waitingAt")
                .toString()).contains("Gateway_AwaitReview");

        // retirement on request ends it cleanly
        Api.Response retire = owner.post("/api/models/" + modelId + "/versions/1/retirement",
                "{\"reason\": \"Replaced by the new credit line model\"}");
        assertThat(retire.status()).as(retire.body()).isEqualTo(202);
        driver.runJobs();
        JsonNode retired = owner.get("/api/models/" + modelId + "/versions/1").json();
        assertThat(retired.path("status").asText()).isEqualTo("RETIRED");
        assertThat(retired.path("lifecycle").path("ended").asBoolean()).isTrue();
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("RETIRED");
        assertThat(registry.find(versionId).orElseThrow().approvalStatus()).isEqualTo(ApprovalStatus.Rejected);
        assertThat(cards.find(versionId).orElseThrow().status()).isEqualTo(ModelCardStatus.Archived);
    }

    @Test
    void biasedPredictionsFailValidationAndTheOwnersRemediationWithFairDataPasses() {
        String modelId = registerModel();
        String versionId = registerVersion(modelId, "evaluation-biased.csv").path("id").asText();
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", mediumRiskAnswers());
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"));

        // the automated checks already fail the round: no reviewer is asked, the owner remediates at once
        assertThat(driver.hasTask(versionId, "Task_ReviewEthics")).isFalse();
        assertThat(driver.hasTask(versionId, "Task_RemediateFindings")).isTrue();
        String findings = (String) engine.getTaskService().getVariable(
                driver.task(versionId, "Task_RemediateFindings").getId(), "findingsSummary");
        assertThat(findings).contains("FAIL ethical DI:sex=Female", "FAIL ethical IMPACT_RATIO:sex=Female");
        driver.complete(versionId, "Task_RemediateFindings", "owner", Map.of("remediationNotes",
                "Removed the proxy feature and retrained", "newEvaluationDatasetUri",
                LifecycleDriver.demoFile("evaluation.csv")));
        assertThat(owner.get("/api/models/" + modelId + "/versions/1").json().path("evaluationDatasetUri").asText())
                .endsWith("/evaluation.csv");
        validateAll(versionId, "validator");
        assertThat(driver.hasTask(versionId, "Task_SignOff")).isTrue();
        driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        assertThat(registry.find(versionId).orElseThrow().approvalStatus()).isEqualTo(ApprovalStatus.Approved);
        assertThat(owner.get("/api/models/" + modelId).json().path("nextReviewDue").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString());
    }

    @Test
    void aNewVersionIsMeasuredAgainstTheApprovedVersionsValidatedPerformanceWhileTheOldOneKeepsServing() {
        String modelId = registerModel();
        String first = registerVersion(modelId, "evaluation.csv").path("id").asText();
        Map<String, Object> medium = mediumRiskAnswers();
        driver.complete(first, "Task_AnswerRiskQuestionnaire", "owner", medium);
        driver.complete(first, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"));
        validateAll(first, "validator");
        driver.complete(first, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText()).isEqualTo("IN_PRODUCTION");

        // version 2 is evaluated on data where it predicts worse (accuracy 0.82 against the validated 0.88)
        String second = registerVersion(modelId, "current.csv").path("id").asText();
        driver.complete(second, "Task_AnswerRiskQuestionnaire", "owner", medium);
        driver.complete(second, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"));
        assertThat(owner.get("/api/models/" + modelId).json().path("status").asText())
                .as("the approved version keeps serving while the next is reviewed").isEqualTo("IN_PRODUCTION");
        validateAll(second, "validator");
        String runId = reviews.decisions(second).stream().filter(d -> d.kind() == ReviewKind.TECHNICAL_VALIDATION)
                .map(ReviewDecision::basis).findFirst().orElseThrow();
        var drop = validation.findings(runId).stream().filter(f -> f.check().equals("PERFORMANCE_DROP"))
                .findFirst().orElseThrow();
        assertThat(drop.metricValue()).isBetween(0.05, 0.08);
        assertThat(drop.level()).as("MEDIUM allows a 10% drop").isEqualTo(FindingLevel.PASS);
        assertThat(drop.message()).contains("fell");
    }

    static Map<String, Object> mediumRiskAnswers() {
        Map<String, Object> medium = new HashMap<>(highRiskAnswers());
        medium.put("useArea", "OTHER");
        medium.put("humanOversight", "HUMAN_DECIDES");
        medium.put("scale", "SMALL");
        return medium;
    }

    @Test
    void aProhibitedPracticeIsRejectedAtOnceAndTheOwnerIsToldWhy() {
        String modelId = registerModel();
        String versionId = registerVersion(modelId, "evaluation.csv").path("id").asText();
        Map<String, Object> answers = highRiskAnswers();
        answers.put("prohibitedPractice", true);
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", answers);

        JsonNode version = owner.get("/api/models/" + modelId + "/versions/1").json();
        assertThat(version.path("status").asText()).isEqualTo("REJECTED");
        assertThat(version.path("lifecycle").path("ended").asBoolean()).isTrue();
        JsonNode model = owner.get("/api/models/" + modelId).json();
        assertThat(model.path("riskTier").asText()).isEqualTo("PROHIBITED");
        assertThat(model.path("status").asText()).isEqualTo("REJECTED");
        assertThat(registry.find(versionId).orElseThrow().approvalStatus()).isEqualTo(ApprovalStatus.Rejected);
        assertThat(Api.as(port, "compliance", "demo").get("/api/notifications?modelId=" + modelId).body())
                .contains("VERSION_REJECTED", "Art. 5");
    }

    @Test
    void anOverdueQuestionnaireIsChasedWithTheOwnerAndRiskOfficersAndAgainLater() {
        String modelId = registerModel();
        JsonNode version = registerVersion(modelId, "evaluation.csv");
        String instanceId = version.path("lifecycle").path("processInstanceId").asText();
        driver.fireTimer(instanceId, "Timer_AnswerRiskQuestionnaireOverdue");
        driver.runJobs();
        driver.fireTimer(instanceId, "Timer_AnswerRiskQuestionnaireOverdue");
        driver.runJobs();

        JsonNode sent = Api.as(port, "compliance", "demo").get("/api/notifications?modelId=" + modelId).json();
        long overdue = 0;
        for (JsonNode n : sent) {
            if (n.path("eventType").asText().equals("TASK_OVERDUE")) {
                overdue++;
                assertThat(n.path("subject").asText()).contains("Answer risk questionnaire", modelId + ":1");
                assertThat(n.path("recipientGroups").toString()).contains("risk-officers");
                assertThat(n.path("recipientUsers").toString()).contains("owner");
            }
        }
        assertThat(overdue).as("chased at the deadline and again at the next one").isEqualTo(2);
        assertThat(driver.hasTask(modelId + ":1", "Task_AnswerRiskQuestionnaire")).isTrue();

        // in a validation round the reviews' deadline chases every review still open, each with its own people
        driver.complete(modelId + ":1", "Task_AnswerRiskQuestionnaire", "owner", mediumRiskAnswers());
        driver.complete(modelId + ":1", "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"));
        String validationInstance = driver.task(modelId + ":1", "Task_ReviewEthics").getProcessInstanceId();
        driver.complete(modelId + ":1", "Task_ReviewTechnicalValidation", "validator",
                Map.of("technicalDecision", "APPROVED"));
        driver.fireTimer(validationInstance, "Timer_ReviewsOverdue");
        driver.runJobs();
        JsonNode after = Api.as(port, "compliance", "demo").get("/api/notifications?modelId=" + modelId).json();
        List<String> chased = new java.util.ArrayList<>();
        for (JsonNode n : after) {
            if (n.path("eventType").asText().equals("TASK_OVERDUE")) {
                chased.add(n.path("subject").asText());
            }
        }
        assertThat(chased).hasSize(4).anyMatch(subject -> subject.contains("Review ethics and fairness"))
                .anyMatch(subject -> subject.contains("Confirm business fitness"))
                .noneMatch(subject -> subject.contains("technical"));
        assertThat(after.toString()).contains("ethics-reviewers", "business-owners");
    }

    @Test
    void aRefusedCompletionThroughTheEngineRestApiIsA400WithTheReason() {
        String modelId = registerModel();
        String versionId = registerVersion(modelId, "evaluation.csv").path("id").asText();
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", highRiskAnswers());
        String taskId = driver.task(versionId, "Task_ReviewRiskTier").getId();
        Api risk = Api.as(port, "risk", "demo");
        assertThat(risk.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"risk\"}").status())
                .isEqualTo(204);

        Api.Response refused = risk.post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\": {\"confirmedRiskTier\": {\"value\": \"LOW\"}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asText()).isEqualTo("GovernanceRuleViolation");
        assertThat(refused.json().path("message").asText()).startsWith("The tier may move one level");
        assertThat(driver.hasTask(versionId, "Task_ReviewRiskTier")).as("nothing changed").isTrue();

        // other engine errors keep Camunda's own answers
        assertThat(risk.post("/engine-rest/task/no-such-task/complete", "{}").status()).isIn(404, 500);
    }

    @Test
    void lifecycleEventsAndStartsAreCheckedAndAnsweredClearly() {
        String modelId = registerModel();
        registerVersion(modelId, "evaluation.csv");
        String base = "/api/models/" + modelId + "/versions/1";

        assertThat(owner.post(base + "/lifecycle", "").status()).as("a version is governed once").isEqualTo(200);
        Api.Response notInProduction = owner.post(base + "/drift-reports", "{\"reason\": \"PSI 0.4\"}");
        assertThat(notInProduction.status()).isEqualTo(409);
        assertThat(notInProduction.body()).contains("Task_AnswerRiskQuestionnaire");
        assertThat(owner.post(base + "/retirement", "{}").invalidFields()).containsExactly("reason");
        assertThat(owner.post(base + "/retirement", "{\"reason\": 5}").invalidFields()).containsExactly("reason");
        assertThat(owner.post(base + "/retirement", "{\"why\": \"x\"}").status()).isEqualTo(400);
        assertThat(owner.post("/api/models/" + modelId + "/versions/9/retirement", "{\"reason\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(Api.as(port, "validator", "demo").post(base + "/retirement", "{\"reason\": \"x\"}").status())
                .isEqualTo(403);
        assertThat(Api.as(port, "business", "demo").post(base + "/drift-reports", "{\"reason\": \"x\"}").status())
                .isEqualTo(403);
        Api.Response bad = owner.post("/api/models/" + modelId + "/versions", "{\"analysisConfigUri\": \"http://x\","
                + " \"securityPosture\": {\"vpc\": \"yes\"}}");
        assertThat(bad.invalidFields()).contains("analysisConfigUri", "securityPosture.vpc");
        assertThat(owner.get("/api/models/" + modelId + "/versions").json()).hasSize(1);
    }

    @Test
    void theTasklistStartFormRegistersTheVersionAsTheLoggedInUser() {
        String modelId = registerModel();
        Map<String, Object> form = Map.of("modelId", modelId, "versionLabel", "2.0.0",
                "evaluationDatasetUri", LifecycleDriver.demoFile("evaluation.csv"),
                "analysisConfigUri", LifecycleDriver.demoFile("analysis-config.json"), "vpc", true);
        String[] instanceId = new String[1];
        driver.as("owner", () -> instanceId[0] = engine.getRuntimeService()
                .startProcessInstanceByKey("ModelLifecycleProcess", form).getId());
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId[0])
                .singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(modelId + ":1");
        JsonNode version = owner.get("/api/models/" + modelId + "/versions/1").json();
        assertThat(version.path("registeredBy").asText()).isEqualTo("owner");
        assertThat(version.path("securityPosture").path("vpc").asBoolean()).isTrue();

        // a bad form registers nothing and starts nothing
        long before = engine.getRuntimeService().createProcessInstanceQuery().count();
        assertThatThrownBy(() -> driver.as("owner", () -> engine.getRuntimeService().startProcessInstanceByKey(
                "ModelLifecycleProcess", Map.of("modelId", modelId, "evaluationDatasetUri", "ftp://nowhere"))))
                .hasMessageContaining("evaluationDatasetUri");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(owner.get("/api/models/" + modelId + "/versions").json()).hasSize(1);
        // a second lifecycle for a version is refused
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("ModelLifecycleProcess",
                modelId + ":1", Map.of("versionId", modelId + ":1"))).hasMessageContaining("already has");
    }
}
