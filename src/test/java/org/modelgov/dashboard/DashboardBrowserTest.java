package org.modelgov.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** The portfolio dashboard as a compliance officer uses it, and refused to a role that does not oversee. */
class DashboardBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    org.modelgov.inventory.InventoryService inventory;

    @Test
    void aComplianceOfficerSeesWhatIsOverdueAndWhoHoldsItAndEveryNumberOpensItsList() {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "DASHB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Dashboard browser probe\","
                + " \"purpose\": \"Shown overdue on the dashboard\"}").status()).isEqualTo(201);
        assertThat(owner.post("/api/models/" + modelId + "/versions", "{\"label\": \"1.0.0\"}").status())
                .isEqualTo(201);
        LifecycleDriver driver = new LifecycleDriver(engine);
        driver.runJobs();
        Task task = driver.task(modelId + ":1", "Task_AnswerRiskQuestionnaire");
        // the task's deadline passes: its overdue timer fires (the owner is chased) and its due date lies behind us
        driver.fireTimer(task.getProcessInstanceId(), "Timer_AnswerRiskQuestionnaireOverdue");
        driver.runJobs();
        engine.getTaskService().setDueDate(task.getId(),
                Date.from(Instant.now().minus(2, ChronoUnit.DAYS).minus(5, ChronoUnit.HOURS)));

        // its next review falls due in 20 days
        java.time.LocalDate reviewDue = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(20);
        inventory.scheduleReview(modelId + ":1", reviewDue, "risk");

        logIn("compliance", "demo");
        page.navigate(url("/dashboard"));
        assertThat(page.locator("h1")).hasText("Portfolio dashboard");
        Locator row = page.locator("#overdue-tasks tr[data-task='" + task.getId() + "']");
        assertThat(row).containsText("Answer risk questionnaire");
        assertThat(row).containsText(modelId);
        assertThat(row).containsText("owner");
        assertThat(row).containsText("2 d 5 h");
        assertThat(row.locator("a").first()).hasAttribute("href", "/camunda/app/tasklist/default/#/?task=" + task.getId());
        assertThat(row.locator("a[href='/models/" + modelId + "']")).hasCount(1);
        Locator review = page.locator("#reviews-due tr").filter(new Locator.FilterOptions().setHasText(modelId));
        assertThat(review).containsText(reviewDue.toString());
        assertThat(review).containsText("20 days");
        assertThat(review.locator("a")).hasAttribute("href", "/models/" + modelId);
        screenshot("dashboard.png");

        page.click("#tile-overdue-tasks");
        assertThat(page).hasURL(url("/dashboard/tasks?overdue=true"));
        assertThat(page.locator("#tasks tr[data-task='" + task.getId() + "']")).containsText("owner");

        // a matrix cell opens the inventory filtered to that tier and status, with as many models as it says
        JsonNode model = owner.get("/api/models/" + modelId).json();
        String tier = model.path("riskTier").asText();
        String status = model.path("status").asText();
        page.navigate(url("/dashboard"));
        Locator cell = page.locator("#tier-status-matrix tbody a[data-tier='" + tier + "'][data-status='" + status + "']");
        String count = cell.textContent().trim();
        assertThat(Integer.parseInt(count)).isPositive();
        cell.click();
        assertThat(page).hasURL(url("/models?riskTier=" + tier + "&status=" + status));
        assertThat(page.locator("#result-count")).hasText(count + " models");

        // the throughput chart draws the numbers of its table, and each number opens the audit events it counts
        page.navigate(url("/dashboard"));
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(page.locator("#throughput-chart text.month")).hasCount(12);
        Locator approved = page.locator("#throughput tr[data-month='" + month + "'] a[data-outcome='APPROVED']");
        String approvedCount = approved.textContent().trim();
        if (!approvedCount.equals("0")) {
            assertThat(page.locator("#throughput-chart rect[data-month='" + month + "'][data-outcome='APPROVED']"))
                    .hasAttribute("data-count", approvedCount);
        }
        approved.click();
        assertThat(page).hasURL(Pattern.compile("/audit\\?action=MODEL_VERSION_APPROVED&from=" + month + "-01&to="
                + month + "-\\d\\d$"));
        assertThat(page.locator("#audit-count")).containsText(approvedCount + (approvedCount.equals("1") ? " event" : " events"));
    }

    @Test
    void aValidatorIsRefusedThePortfolioDashboard() {
        logIn("validator", "demo");
        var response = page.navigate(url("/dashboard"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("main")).containsText("compliance officers");
        assertThat(page.navigate(url("/dashboard/tasks?overdue=true")).status()).isEqualTo(403);
    }

    @Test
    void aRiskOfficerMayOpenItAndABadFilterIsA400() {
        logIn("risk", "demo");
        assertThat(page.navigate(url("/dashboard")).status()).isEqualTo(200);
        assertThat(page.locator("#tier-status-matrix")).isVisible();
        var response = page.navigate(url("/dashboard/tasks?overdue=maybe"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(page.locator("main")).containsText("overdue must be true or false");
    }
}
