package org.modelgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.HttpLifecycle;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.modelgov.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10's attacks, each tried as an ordinary logged-in user through the engine REST API and the webapps'
 * own API: each is refused with a plain sentence and changes nothing (version, model, tier, decisions, audit,
 * process instances), and the legitimate path still works.
 */
@ModelGovIntegrationTest
class GovernanceBypassIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    private LifecycleDriver driver;
    private Api owner;
    private String modelId;
    private String versionId;
    private String lifecycleId;

    @BeforeEach
    void aVersionWaitsForItsOwnersQuestionnaire() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        TestUsers.ensure(engine.getIdentityService(), "other-owner", "model-owners");
        modelId = "BYPASS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Loan approval\","
                + " \"purpose\": \"Approves small loans\", \"deployment\": {\"endpointName\": \"loans\"}}").status())
                .isEqualTo(201);
        Api.Response version = owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s", "explainabilityReportUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/loans", "networkIsolation": true, "vpc": true,
                                     "dataCapture": true, "interContainerEncryption": true}}
                """.formatted(LifecycleDriver.demoFile("evaluation.csv"),
                LifecycleDriver.demoFile("analysis-config.json"), LifecycleDriver.demoFile("explainability.json")));
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        versionId = version.json().path("id").asText();
        lifecycleId = version.json().path("lifecycle").path("processInstanceId").asText();
        driver.runJobs();
    }

    // ---- 2. a process starts only at its start, through a checked entry point ----

    @Test
    void startInstructionsSkippedListenersAndInternalProcessesAreRefusedAndChangeNothing() {
        String before = state();
        Api business = Api.as(port, "business", "demo");
        Api risk = Api.as(port, "risk", "demo");

        Api.Response jumpToRejection = risk.post("/engine-rest/process-definition/key/ModelLifecycleProcess/start", """
                {"businessKey": "%s", "variables": {"versionId": {"value": "%s"}},
                 "startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_RejectVersion"}]}
                """.formatted(versionId, versionId));
        assertRefused(jumpToRejection, 403, "anywhere but at its start event");

        Api.Response skipping = risk.post("/engine-rest/process-definition/key/ModelLifecycleProcess/start", """
                {"skipCustomListeners": true, "variables": {"modelId": {"value": "%s"}},
                 "startInstructions": [{"type": "startBeforeActivity", "activityId": "StartEvent_VersionRegistered"}]}
                """.formatted(modelId));
        assertRefused(skipping, 403, "anywhere but at its start event");

        Api.Response reassessment = owner.post(
                "/engine-rest/process-definition/key/PeriodicReassessmentProcess/start",
                "{\"businessKey\": \"" + versionId + "\"}");
        assertRefused(reassessment, 403, "started by ModelGov itself");

        Api.Response notAStarter = business.post("/engine-rest/process-definition/key/ModelLifecycleProcess/start",
                "{\"variables\": {\"modelId\": {\"value\": \"" + modelId + "\"}}}");
        assertRefused(notAStarter, 403, "may not start");

        Api.Response secondLifecycle = risk.post("/engine-rest/process-definition/key/ModelLifecycleProcess/start",
                "{\"businessKey\": \"" + versionId + "\", \"variables\": {\"versionId\": {\"value\": \"" + versionId
                        + "\"}}}");
        assertRefused(secondLifecycle, 400, "versionId");

        Api.Response contained = business.post("/engine-rest/process-definition/key/IncidentResponseProcess/start", """
                {"startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_BreakGlass"}],
                 "variables": {"incidentId": {"value": "INC-FAKE"}, "severity": {"value": "SEV1"}}}
                """);
        assertRefused(contained, 403, "anywhere but at its start event");

        WebappSession tasklist = WebappSession.logIn(port, "business", "demo");
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("ModelLifecycleProcess").latestVersion().singleResult().getId();
        assertRefused(tasklist.api("POST", "/process-definition/" + definitionId + "/submit-form",
                "{\"variables\": {\"modelId\": {\"value\": \"" + modelId + "\"}}}"), 403, "may not start");

        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void tasklistOffersOnlyTheRealEntryPoints() {
        Api.Response startable = owner.get("/engine-rest/process-definition?startableInTasklist=true"
                + "&latestVersion=true&startablePermissionCheck=true");
        assertThat(startable.status()).isEqualTo(200);
        List<String> keys = new java.util.ArrayList<>();
        startable.json().forEach(d -> keys.add(d.path("key").asText()));
        assertThat(keys).containsExactlyInAnyOrder("ModelLifecycleProcess", "IncidentResponseProcess");
    }

    // ---- 3. a completion carries only its form's fields; nothing else writes variables ----

    @Test
    void variableWritesMessagesAndModificationAreRefusedForEveryRole() {
        String before = state();
        String questionnaire = driver.task(versionId, "Task_AnswerRiskQuestionnaire").getId();
        for (String user : List.of("owner", "risk", "validator", "ethics", "business", "approver1", "responder",
                "compliance")) {
            Api api = Api.as(port, user, "demo");
            assertRefused(api.send("PUT", "/engine-rest/process-instance/" + lifecycleId
                    + "/variables/failedValidationRounds", "{\"value\": 0, \"type\": \"Integer\"}",
                    "application/json"), 403, null);
            assertRefused(api.send("PUT", "/engine-rest/task/" + questionnaire + "/localVariables/riskTier",
                    "{\"value\": \"LOW\"}", "application/json"), 403, null);
            assertRefused(api.post("/engine-rest/task/" + questionnaire + "/variables",
                    "{\"modifications\": {\"confirmedRiskTier\": {\"value\": \"LOW\"}}}"), 403, null);
            assertRefused(api.post("/engine-rest/message", "{\"messageName\": \"RetirementRequested\","
                    + " \"businessKey\": \"" + versionId + "\", \"processVariables\": {\"retirementReason\":"
                    + " {\"value\": \"gone\"}}}"), 403, null);
            assertRefused(api.post("/engine-rest/process-instance/" + lifecycleId + "/modification",
                    "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_RejectVersion\"}]}"),
                    403, null);
            assertRefused(api.send("DELETE", "/engine-rest/process-instance/" + lifecycleId, null, null), 403, null);
            assertRefused(api.post("/engine-rest/task/" + questionnaire + "/identity-links",
                    "{\"groupId\": \"business-owners\", \"type\": \"candidate\"}"), 403, null);
        }
        WebappSession asOwner = WebappSession.logIn(port, "owner", "demo");
        assertRefused(asOwner.api("PUT", "/task/" + questionnaire + "/localVariables/confirmedRiskTier",
                "{\"value\": \"LOW\"}"), 403, null);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aCompletionWithForeignFieldsIsA400NamingThemAndTheTaskStaysOpen() {
        String before = state();
        String questionnaire = driver.task(versionId, "Task_AnswerRiskQuestionnaire").getId();
        Map<String, Object> answers = new HashMap<>(lowRiskAnswers());
        answers.put("confirmedRiskTier", "LOW");
        answers.put("failedValidationRounds", 0);
        Api.Response refused = owner.post("/engine-rest/task/" + questionnaire + "/complete",
                "{\"variables\": " + variables(answers) + "}");
        assertRefused(refused, 400, "not fields of this form: confirmedRiskTier, failedValidationRounds");
        Api.Response shown = owner.post("/engine-rest/task/" + questionnaire + "/submit-form",
                "{\"variables\": " + variables(Map.of("versionId", "OTHER:1")) + "}");
        assertRefused(shown, 400, "shown on the form, not entered: Model version");
        Api.Response serialized = owner.post("/engine-rest/task/" + questionnaire + "/complete", """
                {"variables": {"riskNotes": {"value": "{}", "type": "Json"}}}""");
        assertThat(serialized.status()).isIn(400, 500);
        assertThat(driver.hasTask(versionId, "Task_AnswerRiskQuestionnaire")).isTrue();
        assertThat(state()).as("nothing changed").isEqualTo(before);

        // the form's own fields work, through the webapps' API as Tasklist sends them
        WebappSession tasklist = WebappSession.logIn(port, "owner", "demo");
        Api.Response done = tasklist.api("POST", "/task/" + questionnaire + "/submit-form",
                "{\"variables\": " + variables(lowRiskAnswers()) + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(driver.hasTask(versionId, "Task_ReviewRiskTier")).isTrue();
    }

    @Test
    void anotherOwnerCannotSeeClaimOrCompleteThisModelsTasks() {
        String before = state();
        String questionnaire = driver.task(versionId, "Task_AnswerRiskQuestionnaire").getId();
        Api other = Api.as(port, "other-owner", TestUsers.PASSWORD);
        assertThat(other.get("/engine-rest/task?processInstanceBusinessKey=" + versionId).json()).isEmpty();
        assertThat(other.get("/engine-rest/task/" + questionnaire + "/variables").status()).isIn(403, 404);
        assertThat(other.post("/engine-rest/task/" + questionnaire + "/claim", "{\"userId\": \"other-owner\"}")
                .status()).isIn(403, 404);
        assertThat(other.post("/engine-rest/task/" + questionnaire + "/complete",
                "{\"variables\": " + variables(lowRiskAnswers()) + "}").status()).isIn(400, 403, 404);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    // ---- 4. only someone in the task's role may hold or decide it ----

    @Test
    void aTaskCannotBeHandedToSomeoneOutsideItsRole() {
        toValidation();
        String technical = driver.task(versionId, "Task_ReviewTechnicalValidation").getId();
        Api validator = Api.as(port, "validator", "demo");
        assertThat(validator.post("/engine-rest/task/" + technical + "/claim", "{\"userId\": \"validator\"}")
                .status()).isEqualTo(204);
        String before = state();

        Api.Response handedOver = validator.post("/engine-rest/task/" + technical + "/assignee",
                "{\"userId\": \"business\"}");
        assertRefused(handedOver, 400, "business may not hold 'Review technical validation': it is for members"
                + " of validators only");
        Api.Response delegated = validator.post("/engine-rest/task/" + technical + "/delegate",
                "{\"userId\": \"business\"}");
        assertRefused(delegated, 400, "business may not hold");
        assertThat(driver.task(versionId, "Task_ReviewTechnicalValidation").getAssignee()).isEqualTo("validator");

        Api.Response byOther = Api.as(port, "business", "demo").post("/engine-rest/task/" + technical + "/complete",
                "{\"variables\": {\"technicalDecision\": {\"value\": \"APPROVED\"}}}");
        assertThat(byOther.status()).isIn(400, 403);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    // ---- 1 and 5: facts from the domain, named after the person ----

    @Test
    void theTierAndEveryStepItCausesNameThePersonAndEachApproverStartsFromAnEmptyDecision() {
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", highRiskAnswers());
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "HIGH"));
        assertThat(auditActor("RISK_TIER_RECORDED")).isEqualTo("risk");
        driver.complete(versionId, "Task_ReviewTechnicalValidation", "validator",
                Map.of("technicalDecision", "APPROVED"));
        driver.complete(versionId, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(versionId, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));

        driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        String second = driver.task(versionId, "Task_SignOff").getId();
        JsonNode form = Api.as(port, "approver2", "demo").get("/engine-rest/task/" + second + "/form-variables")
                .json();
        assertThat(form.path("signOffDecision").path("value").isNull()).as(form.toString()).isTrue();

        // the same committee member cannot give the second approval, however the completion is sent
        Api approver1 = Api.as(port, "approver1", "demo");
        assertThat(approver1.post("/engine-rest/task/" + second + "/claim", "{\"userId\": \"approver1\"}").status())
                .isEqualTo(400);
        assertThat(approver1.post("/engine-rest/task/" + second + "/complete",
                "{\"variables\": {\"signOffDecision\": {\"value\": \"APPROVE\"}}}").status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT status FROM modelgov.model_version WHERE id = ?").param(versionId)
                .query(String.class).single()).isEqualTo("IN_REVIEW");

        driver.complete(versionId, "Task_SignOff", "approver2", Map.of("signOffDecision", "APPROVE"));
        assertThat(jdbc.sql("SELECT status FROM modelgov.model_version WHERE id = ?").param(versionId)
                .query(String.class).single()).isEqualTo("APPROVED");
        assertThat(auditActor("MODEL_VERSION_APPROVED")).isEqualTo("approver1+approver2");
    }

    // ---- administrators keep their repair tools, audited ----

    @Test
    void anAdministratorsRepairIsAllowedAndAuditedWithTheirName() {
        Api admin = Api.as(port, "admin", "demo");
        Api.Response set = admin.send("PUT", "/engine-rest/process-instance/" + lifecycleId + "/variables/note",
                "{\"value\": \"checked by admin\"}", "application/json");
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT actor FROM modelgov.audit_event WHERE action = 'ENGINE_ADMIN_ACTION'"
                + " AND details LIKE ? ORDER BY seq DESC").param("%" + lifecycleId + "%").query(String.class)
                .list()).first().isEqualTo("admin");
    }

    @Test
    void anUnknownTaskIs404AndTwoPeopleCompletingOneTaskAtOnceGetOneSuccessAndOne409() throws Exception {
        assertThat(owner.post("/engine-rest/task/no-such-task/complete", "{}").status()).isEqualTo(404);

        toValidation();
        String business = driver.task(versionId, "Task_ConfirmBusinessFitness").getId();
        TestUsers.ensure(engine.getIdentityService(), "second-business", "business-owners");
        String body = "{\"variables\": {\"businessDecision\": {\"value\": \"APPROVED\"}}}";
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
            for (Api person : List.of(Api.as(port, "business", "demo"),
                    Api.as(port, "second-business", TestUsers.PASSWORD))) {
                answers.add(two.submit(() -> {
                    together.await();
                    return person.post("/engine-rest/task/" + business + "/complete", body);
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS).status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        } finally {
            two.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.review_decision WHERE version_id = ? AND kind = ?")
                .params(versionId, "BUSINESS_VALIDATION").query(Long.class).single()).as("one decision").isEqualTo(1);
    }

    // ---- helpers ----

    private void toValidation() {
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", lowRiskAnswers());
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "LOW"));
    }

    private static Map<String, Object> lowRiskAnswers() {
        return Map.of("useArea", "OTHER", "prohibitedPractice", false, "decidesAboutIndividuals", false,
                "humanOversight", "HUMAN_DECIDES", "personalData", "NONE", "scale", "SMALL");
    }

    private static Map<String, Object> highRiskAnswers() {
        return Map.of("useArea", "ESSENTIAL_SERVICES", "prohibitedPractice", false, "decidesAboutIndividuals", true,
                "humanOversight", "HUMAN_REVIEWS", "personalData", "PERSONAL", "scale", "LARGE");
    }

    private static String variables(Map<String, Object> values) {
        return HttpLifecycle.variables(values);
    }

    private String auditActor(String action) {
        return jdbc.sql("SELECT actor FROM modelgov.audit_event WHERE action = ? AND entity_id = ? ORDER BY seq DESC")
                .params(action, versionId).query(String.class).list().get(0);
    }

    /** Everything a governance outcome consists of for this model, as one comparable text. */
    private String state() {
        return String.join("\n",
                jdbc.sql("SELECT status || '/' || risk_tier FROM modelgov.model WHERE id = ?").param(modelId)
                        .query(String.class).single(),
                jdbc.sql("SELECT status FROM modelgov.model_version WHERE id = ?").param(versionId)
                        .query(String.class).single(),
                "decisions=" + jdbc.sql("SELECT COUNT(*) FROM modelgov.review_decision WHERE version_id = ?")
                        .param(versionId).query(Long.class).single(),
                "registry=" + jdbc.sql("SELECT approval_status FROM modelgov.registry_entry WHERE version_id = ?")
                        .param(versionId).query(String.class).optional().orElse("none"),
                "audit=" + jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event").query(Long.class).single(),
                "incidents=" + jdbc.sql("SELECT COUNT(*) FROM modelgov.incident").query(Long.class).single(),
                "instances=" + engine.getRuntimeService().createProcessInstanceQuery().count(),
                "activities=" + engine.getRuntimeService().getActiveActivityIds(lifecycleId),
                "variables=" + new java.util.TreeMap<>(engine.getRuntimeService().getVariables(lifecycleId)));
    }

    private static void assertRefused(Api.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (message != null) {
            assertThat(response.json().path("message").asText()).contains(message);
        }
    }
}
