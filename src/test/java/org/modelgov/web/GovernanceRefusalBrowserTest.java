package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.review.ReviewService;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Governance refusals as a reviewer meets them in Tasklist: a form-level rule stops the submission in the form
 * itself, and a rule only the engine can check comes back as its plain sentence beside the form, with the task
 * still open and nothing recorded.
 */
class GovernanceRefusalBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ReviewService reviews;

    @Test
    void aRefusedRiskReviewShowsTheRulesSentenceAndAFormRuleStopsTheSubmission() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "REFUSE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Refusal model\","
                + " \"purpose\": \"Scores loan applications\"}").status()).isEqualTo(201);
        assertThat(owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s"}
                """.formatted(LifecycleDriver.demoFile("evaluation.csv"),
                LifecycleDriver.demoFile("analysis-config.json"))).status()).isEqualTo(201);
        String versionId = modelId + ":1";
        driver.runJobs();
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "ESSENTIAL_SERVICES",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_REVIEWS",
                "personalData", "PERSONAL", "scale", "LARGE"));
        String taskId = driver.task(versionId, "Task_ReviewRiskTier").getId();
        try {
            switchUser("tasklist", "risk", "demo");
            page.navigate(url("/camunda/app/tasklist/default/#/?task=" + taskId));
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            claimTask();

            // the form asks for a justification only once the tier differs from the suggestion
            Locator justification = page.locator(".fjs-form-field")
                    .filter(new Locator.FilterOptions().setHasText("Justification for changing"));
            assertThat(justification).hasCount(0);
            choose("Risk tier", "LOW");
            assertThat(justification).hasCount(1);

            // a two-level move is a rule the engine checks: its sentence is shown, nothing is saved
            justification.locator("textarea").fill("Only a pilot group of one hundred customers uses it");
            complete();
            assertThat(page.locator(".alert-danger:visible").first()).containsText("The tier may move one level");
            screenshot("refusal-risk-tier.png");

            // a form-level rule stops the submission in the form: no justification, no completion
            page.reload();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            choose("Risk tier", "MEDIUM");
            complete();
            assertThat(page.getByText("Field is required.").first()).isVisible();
            screenshot("refusal-form-rule.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("refusal-failure.png");
            throw e;
        }
        assertThat(driver.hasTask(versionId, "Task_ReviewRiskTier")).as("still open").isTrue();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(
                driver.task(versionId, "Task_ReviewRiskTier").getProcessInstanceId()).variableName("confirmedRiskTier")
                .list()).as("nothing of the refused completion was kept").allMatch(v -> v.getValue() == null);
        assertThat(reviews.decisions(versionId)).extracting(d -> d.kind().name())
                .containsExactly("RISK_QUESTIONNAIRE");
    }

    private void complete() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
        page.waitForTimeout(800);
    }
}
