package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A HIGH-risk model's lifecycle worked in Camunda Tasklist by the demo users on the Camunda Forms, from
 * the owner's risk questionnaire to approval by two committee members.
 */
class LifecycleTasklistBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theDemoUsersTakeAHighRiskModelToApprovalInTasklist() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "BROWSER-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String versionId = driver.registerCreditVersion(owner, modelId, "Browser credit model",
                "Scores consumer loan applications");
        try {
            switchUser("tasklist", "owner", "demo");
            open("Task_AnswerRiskQuestionnaire", versionId);
            choose("Intended-use area (EU AI Act Annex III)", "Access to essential private and public services");
            page.getByText("Its output decides about, or ranks, individual people").click();
            page.getByText("The model decides; a human reviews").click();
            page.getByText("Personal data", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).click();
            page.getByText("More than 100,000").click();
            screenshot("lifecycle-1-questionnaire.png");
            completeTask();
            driver.runJobs();

            switchUser("tasklist", "risk", "demo");
            claim("Task_ReviewRiskTier", versionId);
            choose("Risk tier", "HIGH");
            screenshot("lifecycle-2-risk-tier.png");
            completeTask();
            driver.runJobs();

            decide("validator", "Task_ReviewTechnicalValidation", versionId, "Technically sound");
            decide("ethics", "Task_ReviewEthics", versionId, "Fair and explainable enough for its use");
            decide("business", "Task_ConfirmBusinessFitness", versionId, "Fit for purpose");
            driver.runJobs();

            decide("approver1", "Task_SignOff", versionId, "Approve for production");
            driver.runJobs();
            decide("approver2", "Task_SignOff", versionId, "Approve for production");
            driver.runJobs();
        } catch (RuntimeException | AssertionError e) {
            screenshot("lifecycle-failure.png");
            throw e;
        }

        JsonNode model = owner.get("/api/models/" + modelId).json();
        assertThat(model.path("riskTier").asText()).isEqualTo("HIGH");
        assertThat(model.path("status").asText()).isEqualTo("APPROVED");
        assertThat(model.path("nextReviewDue").asText()).isNotBlank();
        JsonNode version = owner.get("/api/models/" + modelId + "/versions/1").json();
        assertThat(version.path("status").asText()).isEqualTo("APPROVED");

        // a manager sees the lifecycle waiting for its review in Cockpit
        switchUser("cockpit", "admin", "demo");
        page.navigate(url("/camunda/app/cockpit/default/#/process-instance/"
                + version.path("lifecycle").path("processInstanceId").asText() + "/runtime"));
        assertThat(page.locator("[data-element-id=Task_SignOff]")).isVisible();
        assertThat(page.locator("[data-element-id=SubProcess_InProduction]")).isVisible();
        screenshot("lifecycle-cockpit.png");
        // the review timer is inside the folded "In production" part: drill into it
        page.locator(".djs-overlays[data-container-id=SubProcess_InProduction] .bjs-drilldown").click();
        assertThat(page.locator("[data-element-id=Timer_ReviewDue]")).isVisible();
        screenshot("lifecycle-cockpit-in-production.png");
        page.getByText("Jobs", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).click();
        page.waitForTimeout(1500);
        screenshot("lifecycle-cockpit-jobs.png");
        page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText("Review due"))
                .locator("button, a").last().click();
        page.locator(".modal input[type=radio]").last().check();
        // "Schedule at" offers the current time: the review becomes due now
        assertThat(page.getByText("Schedule at")).isVisible();
        screenshot("lifecycle-cockpit-due-date.png");
        page.click(".modal button:has-text('Change')");
        page.waitForTimeout(1000);
        driver.runDueTimers();

        // the reassessment it started is decided in Tasklist
        switchUser("tasklist", "risk", "demo");
        claim("Task_DecideReassessment", versionId);
        page.getByText("Continue in production", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true))
                .click();
        page.locator(".fjs-form-field").filter(new Locator.FilterOptions().setHasText("Justification"))
                .locator("textarea").fill("Drift is seasonal; watch the next review");
        screenshot("lifecycle-reassessment.png");
        completeTask();
        driver.runJobs();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(versionId)
                .activityIdIn("Gateway_AwaitReview").count()).as("back in production, next review scheduled")
                .isEqualTo(1);
    }

    private void decide(String user, String taskKey, String versionId, String choice) {
        switchUser("tasklist", user, "demo");
        claim(taskKey, versionId);
        page.getByText(choice, new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).click();
        screenshot("lifecycle-" + user + ".png");
        completeTask();
    }

    /** Opens the task by its Tasklist link (several demo lifecycles have tasks of the same name). */
    private void open(String taskKey, String versionId) {
        String taskId = new LifecycleDriver(engine).task(versionId, taskKey).getId();
        page.navigate(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertThat(page.locator("input[disabled]").first()).hasValue(versionId);
    }

    private void claim(String taskKey, String versionId) {
        open(taskKey, versionId);
        claimTask();
    }

    /** form-js select: open the dropdown, pick the option. */
}
