package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A HIGH model taken to each review task: every task carries the facts its decision needs (the owner's answers
 * and notes, findings with value, threshold and verdict, reviewers' decisions, sign-off progress), the model,
 * version and tier for its card, and a description of what is asked; and nobody but the engine can change them.
 */
@ModelGovIntegrationTest
class TaskDisplayFactsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void everyReviewTaskOfAHighModelShowsTheFactsOfItsDecision() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "FACTS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Card limit model\","
                + " \"purpose\": \"Sets credit limits for card customers\","
                + " \"intendedUse\": \"Advises underwriters on first limits\"}").status()).isEqualTo(201);
        Api.Response registered = owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s", "explainabilityReportUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/credit", "networkIsolation": true, "dataCapture": true,
                                     "interContainerEncryption": true}}
                """.formatted(LifecycleDriver.demoFile("evaluation.csv"),
                LifecycleDriver.demoFile("analysis-config.json"), LifecycleDriver.demoFile("explainability.json")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String versionId = modelId + ":1";
        driver.runJobs();

        Task questionnaire = driver.task(versionId, "Task_AnswerRiskQuestionnaire");
        assertThat(local(questionnaire)).containsEntry("modelName", "Card limit model")
                .containsEntry("modelVersion", "v1").containsEntry("riskTier", "UNASSESSED");
        assertThat(questionnaire.getDescription()).startsWith("Answer the risk questionnaire for Card limit model"
                + " version 1 (" + versionId + ")");

        Map<String, Object> answers = new HashMap<>(Map.of("useArea", "ESSENTIAL_SERVICES",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_REVIEWS",
                "personalData", "PERSONAL", "scale", "LARGE",
                "riskNotes", "Limits | are *capped* at 5,000 by the card scheme"));
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", answers);
        driver.runJobs();

        // the risk review: every answer in the questionnaire's words, the owner's notes, the suggestion and its rule
        Task riskReview = driver.task(versionId, "Task_ReviewRiskTier");
        Map<String, Object> review = local(riskReview);
        assertThat((String) review.get("questionnaireAnswers"))
                .contains("Intended\\-use area (EU AI Act Annex III)".replace("(", "\\(").replace(")", "\\)"))
                .contains("Access to essential private and public services")
                .contains("- Its output decides about, or ranks, individual people: **Yes**")
                .contains("- Human oversight: **The model decides; a human reviews**")
                .contains("- People affected a year: **More than 100,000**")
                .contains("Art\\. 5").contains(": **No**");
        assertThat(review).containsEntry("ownerRiskNotes", "Limits | are *capped* at 5,000 by the card scheme")
                .containsEntry("suggestedRiskTier", "HIGH");
        assertThat((String) review.get("answeredBy")).matches("owner on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat((String) review.get("riskTierReason")).isNotBlank();
        assertThat(riskReview.getDescription()).contains("Review the risk tier of Card limit model version 1");

        // nobody may overwrite a shown fact through the engine's API: refused, and the fact stays
        Api risk = Api.as(port, "risk", "demo");
        assertThat(risk.send("PUT", "/engine-rest/task/" + riskReview.getId() + "/localVariables/ownerRiskNotes",
                "{\"value\": \"nothing to see\"}", "application/json").status()).isEqualTo(403);
        assertThat(risk.post("/engine-rest/task/" + riskReview.getId() + "/variables",
                "{\"modifications\": {\"suggestedRiskTier\": {\"value\": \"LOW\"}}}").status()).isEqualTo(403);
        assertThat(local(driver.task(versionId, "Task_ReviewRiskTier")))
                .containsEntry("ownerRiskNotes", "Limits | are *capped* at 5,000 by the card scheme")
                .containsEntry("suggestedRiskTier", "HIGH");

        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "HIGH"));
        driver.runJobs();

        // technical and ethics reviews: each finding with value, threshold and verdict, and links to the reports
        Task technical = driver.task(versionId, "Task_ReviewTechnicalValidation");
        assertThat(local(technical)).containsEntry("riskTier", "HIGH").containsEntry("modelVersion", "v1")
                .containsEntry("versionAndTier", "v1, tier HIGH");
        assertThat((String) local(technical).get("findingsTable"))
                .contains("| Check | Value | Threshold | Verdict | Evidence |")
                .contains("- **PASS** ENCRYPTION\\_AT\\_REST: in place\n")
                .containsPattern("\\| PERFORMANCE \\(accuracy\\) \\| 0\\\\\\.\\d{4} \\| — \\| \\*\\*INFO\\*\\* \\|"
                        + " \\[Performance report\\]\\(/reports/[0-9a-f-]{36}\\) \\|");
        Task ethics = driver.task(versionId, "Task_ReviewEthics");
        String fairness = (String) local(ethics).get("findingsTable");
        assertThat(fairness).contains("DI:sex=").contains("at least 0\\.8 \\(else FAIL\\)")
                .containsPattern("\\| \\*\\*(PASS|WARN|FAIL)\\*\\* \\|").doesNotContain("file:");
        assertThat((String) local(ethics).get("evidenceLinks")).contains("(/reports/")
                .contains("(/models/" + modelId + "/versions/1/explainability)");
        assertThat(ethics.getDescription()).contains("tier HIGH");

        // business review: purpose, intended use, limitations and performance
        Task business = driver.task(versionId, "Task_ConfirmBusinessFitness");
        assertThat(local(business)).containsEntry("modelPurpose", "Sets credit limits for card customers")
                .containsEntry("intendedUse", "Advises underwriters on first limits");
        assertThat((String) local(business).get("limitations")).contains("Limits | are *capped* at 5,000");
        assertThat((String) local(business).get("performanceSummary")).contains("accuracy");

        driver.complete(versionId, "Task_ReviewTechnicalValidation", "validator",
                Map.of("technicalDecision", "APPROVED", "technicalNotes", "Technically sound"));
        driver.complete(versionId, "Task_ReviewEthics", "ethics",
                Map.of("ethicsDecision", "APPROVED", "ethicsNotes", "Fair enough for its use"));
        driver.complete(versionId, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
        driver.runJobs();

        // sign-off: the risk decision and why, each reviewer's decision and notes, k of n sign-offs by whom
        Task first = driver.task(versionId, "Task_SignOff");
        Map<String, Object> signOff = local(first);
        assertThat(signOff).containsEntry("signOffProgress", "0 of 2 sign-offs given")
                .containsEntry("riskDecision", "HIGH, decided by risk");
        assertThat((String) signOff.get("riskJustification")).isEqualTo(review.get("riskTierReason"));
        assertThat((String) signOff.get("reviewerDecisions"))
                .contains("| Technical | validator | **APPROVED** | Technically sound |")
                .contains("| Ethics and fairness | ethics | **APPROVED** | Fair enough for its use |")
                .contains("| Business fitness | business | **APPROVED** | — |");
        driver.complete(versionId, "Task_SignOff", "approver1",
                Map.of("signOffDecision", "APPROVE", "signOffComment", "Limits are capped"));
        driver.runJobs();
        Task second = driver.task(versionId, "Task_SignOff");
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(local(second)).containsEntry("signOffProgress", "1 of 2 sign-offs given (by approver1)");
        assertThat((String) local(second).get("reviewerDecisions"))
                .contains("| Sign-off | approver1 | **APPROVE** | Limits are capped |");
        assertThat(second.getDescription()).contains("Sign off Card limit model version 1 (" + versionId
                + ", tier HIGH)");
        driver.complete(versionId, "Task_SignOff", "approver2", Map.of("signOffDecision", "APPROVE"));
        driver.runJobs();

        // the reassessment, an incident's tasks and the inventory attestation name the model, version and tier too
        String lifecycleId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(versionId).processDefinitionKey("ModelLifecycleProcess").singleResult()
                .getId();
        driver.fireTimer(lifecycleId, "Timer_ReviewDue");
        driver.runJobs();
        Task reassessment = driver.task(versionId, "Task_DecideReassessment");
        assertThat(local(reassessment)).containsEntry("versionAndTier", "v1, tier HIGH");
        assertThat((String) local(reassessment).get("findingsTable")).contains("INCIDENTS");
        assertThat(reassessment.getDescription()).startsWith("Reassess Card limit model version 1");

        Api.Response incident = owner.post("/api/incidents", "{\"modelId\": \"" + modelId + "\","
                + " \"type\": \"OUTAGE\", \"description\": \"Endpoint down\", \"exercise\": true}");
        assertThat(incident.status()).as(incident.body()).isIn(200, 201);
        driver.runJobs();
        String incidentId = incident.json().path("id").asText();
        Task triage = driver.task(incidentId, "Task_Triage");
        assertThat(local(triage)).containsEntry("modelName", "Card limit model")
                .containsEntry("riskTier", "HIGH");
        assertThat(triage.getDescription()).startsWith("Triage incident " + incidentId + " on Card limit model"
                + " (tier HIGH)");

        String attestation = engine.getRuntimeService()
                .startProcessInstanceByKey("InventoryAttestationProcess", modelId).getId();
        try {
            Task attest = engine.getTaskService().createTaskQuery().processInstanceId(attestation).singleResult();
            assertThat(local(attest)).containsEntry("modelName", "Card limit model")
                    .containsEntry("versionAndTier", "v1, tier HIGH");
            assertThat(attest.getDescription()).startsWith("Attest that the inventory record of Card limit model ("
                    + modelId + ", tier HIGH) is accurate");
        } finally {
            engine.getRuntimeService().deleteProcessInstance(attestation, "test finished");
        }
    }

    private Map<String, Object> local(Task task) {
        return engine.getTaskService().getVariablesLocal(task.getId());
    }
}
