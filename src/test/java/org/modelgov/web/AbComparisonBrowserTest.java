package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.modelgov.abtest.AbTest;
import org.modelgov.abtest.AbTestOutcome;
import org.modelgov.abtest.AbTestRepository;
import org.modelgov.abtest.ChallengerStage;
import org.modelgov.abtest.MetricComparison.Verdict;
import org.modelgov.abtest.ScriptedChallengerStage;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What people see of an A/B test that failed: the comparison's report page (verdicts, policy and a chart of both
 * variants over the window), the owner's remediation form and, after re-validation, the committee's sign-off form in
 * Tasklist, each with the comparison's verdicts and a link to it. The comparison is scripted (ModelLatency fails,
 * the error rate passes) on the real stage and records, whatever A/B adapters the context has.
 */
class AbComparisonBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext context;
    @Autowired
    AbTestRepository tests;

    @Test
    void aFailedComparisonIsShownOnItsReportPageAndToTheOwnerAndTheCommittee() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "ABV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String versionId = driver.registerCreditVersion(owner, modelId, "Card limits " + modelId,
                "Sets credit limits for card customers");
        assertThat(owner.send("PATCH", "/api/models/" + modelId, "{\"deployment\": {\"endpointName\": \""
                + modelId.toLowerCase() + "\"}}", "application/json").status()).isEqualTo(200);
        toApproval(driver, versionId);

        // the window's comparison, scripted: latency fails, errors pass
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        verdicts.put("Invocation5XXErrors", Verdict.PASS);
        verdicts.put("ModelLatency", Verdict.FAIL);
        ChallengerStage scripted = ScriptedChallengerStage.of(context, verdicts);
        scripted.startObservation(versionId);
        // not a Spring bean: the transaction its step would run in, by hand
        AbTestOutcome outcome = new org.springframework.transaction.support.TransactionTemplate(context.getBean(
                org.springframework.transaction.PlatformTransactionManager.class))
                .execute(status -> scripted.compare(versionId));
        assertThat(outcome).isEqualTo(AbTestOutcome.FAILED);
        // the process's own steps find the outcome recorded and go on: challenger withdrawn, back to the owner
        for (int i = 0; i < 5 && !driver.hasTask(versionId, "Task_RemediateFindings"); i++) {
            var stage = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("ChallengerTestProcess").processInstanceBusinessKey(versionId).singleResult();
            if (stage != null) {
                for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(stage.getId())
                        .timers().list()) {
                    engine.getManagementService().executeJob(timer.getId());
                }
            }
            driver.runJobs();
        }
        AbTest test = tests.latest(versionId).orElseThrow();
        assertThat(test.outcome()).isEqualTo(AbTestOutcome.FAILED);
        String reportId = test.evidenceReportId();

        logIn("compliance", "demo");
        try {
            page.navigate(url("/reports/" + reportId));
            assertThat(page.locator("h1")).containsText("A/B comparison");
            assertThat(page.locator("#ab-outcome")).containsText("FAILED");
            assertThat(page.locator("#ab-metrics tr[data-metric='ModelLatency']")).hasAttribute("data-verdict",
                    "FAIL");
            assertThat(page.locator("#ab-metrics tr[data-metric='Invocation5XXErrors']"))
                    .hasAttribute("data-verdict", "PASS");
            assertThat(page.locator("#ab-metrics tr[data-metric='ModelLatency']")).containsText("+20.00 %");
            assertThat(page.locator("#ab-policy")).containsText("P7D");
            assertThat(page.locator("#ab-policy")).containsText("5.00 %");
            Locator chart = page.locator(".chart-block[data-metric='ModelLatency'] svg.line-chart");
            assertThat(chart).isVisible();
            assertThat(chart.locator("g.series")).hasCount(2);
            assertThat(chart.locator("g.series.tone-challenger")).hasAttribute("data-points", "12");
            assertThat(chart.locator("g.series.tone-champion circle.point").first()).hasAttribute("data-value",
                    "50.0");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of(
                    "target/screenshots", "ab-comparison-report.png")));

            page.navigate(url("/models/" + modelId));
            assertThat(page.locator("#ab-tests tr[data-outcome='FAILED'] a.ab-report-link"))
                    .hasAttribute("href", "/reports/" + reportId);
        } catch (RuntimeException | AssertionError e) {
            screenshot("ab-comparison-report-failure.png");
            throw e;
        }

        try {
            switchUser("tasklist", "owner", "demo");
            open(driver, "Task_RemediateFindings", versionId);
            assertThat(abHeading()).isVisible();
            assertThat(page.locator(".fjs-form table").filter(new Locator.FilterOptions().setHasText("ModelLatency"))
                    .first()).containsText("FAIL");
            assertThat(page.locator(".fjs-form a[href='/reports/" + reportId + "']")).isVisible();
            formScreenshot("ab-remediation-form.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("ab-remediation-form-failure.png");
            throw e;
        }

        driver.complete(versionId, "Task_RemediateFindings", "owner", Map.of("remediationNotes",
                "Smaller model: latency back under the champion's"));
        validate(driver, versionId);
        driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        try {
            switchUser("tasklist", "approver2", "demo");
            open(driver, "Task_SignOff", versionId);
            assertThat(abHeading()).isVisible();
            assertThat(page.locator(".fjs-form").getByText("ended FAILED", new Locator.GetByTextOptions()
                    .setExact(false)).first()).isVisible();
            assertThat(page.locator(".fjs-form a[href='/reports/" + reportId + "']")).isVisible();
            formScreenshot("ab-sign-off-form.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("ab-sign-off-form-failure.png");
            throw e;
        }
    }

    private static void toApproval(LifecycleDriver driver, String versionId) {
        Map<String, Object> answers = new HashMap<>(Map.of("useArea", "ESSENTIAL_SERVICES",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_REVIEWS",
                "personalData", "PERSONAL", "scale", "LARGE"));
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", answers);
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "HIGH"));
        validate(driver, versionId);
        driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        driver.complete(versionId, "Task_SignOff", "approver2", Map.of("signOffDecision", "APPROVE"));
    }

    private static void validate(LifecycleDriver driver, String versionId) {
        driver.complete(versionId, "Task_ReviewTechnicalValidation", "validator",
                Map.of("technicalDecision", "APPROVED"));
        driver.complete(versionId, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(versionId, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
    }

    private void open(LifecycleDriver driver, String taskKey, String versionId) {
        String taskId = driver.task(versionId, taskKey).getId();
        page.navigate(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("input[disabled]").first()).hasValue(versionId,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasValueOptions().setTimeout(30_000));
    }

    private Locator abHeading() {
        return page.locator(".fjs-form h3").filter(new Locator.FilterOptions()
                .setHasText("A/B test against the champion")).first();
    }

    private void formScreenshot(String name) {
        page.setViewportSize(1280, 3600);
        page.locator(".fjs-form").first().screenshot(new Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/screenshots", name)));
        page.setViewportSize(1280, 720);
    }
}
