package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * As a new user would: an incident reported through the API on an approved model is triaged SEV1 and serious
 * in Tasklist, containment happens, the incidents page shows it, and Cockpit shows the Art. 73 deadline timer.
 */
class IncidentBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DeploymentControl deployment;

    @Test
    void aResponderTriagesInTasklistAndTheDeadlineTimerWaitsInCockpit() {
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "BRK-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        driver.registerApprovedModel(owner, modelId, modelId.toLowerCase());
        Api.Response reported = owner.post("/api/incidents", "{\"modelId\": \"" + modelId + "\", \"type\":"
                + " \"HARMFUL_OUTPUT\", \"description\": \"Advice that endangers claimants\"}");
        assertThat(reported.status()).isEqualTo(201);
        String incidentId = reported.json().path("id").asText();
        driver.runJobs();
        try {
            switchUser("tasklist", "responder", "demo");
            page.navigate(url("/camunda/app/tasklist/default/#/?task=" + driver.task(incidentId, "Task_Triage").getId()));
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(page.locator("input[disabled]").first()).hasValue(incidentId);
            claimTask();
            choose("Severity", "SEV1 — critical");
            page.getByText("A serious incident under EU AI Act Art. 73", new Page.GetByTextOptions().setExact(true)).click();
            choose("Kind of serious incident", "Serious disruption of critical infrastructure");
            screenshot("incident-triage.png");
            completeTask();
            driver.runJobs();
            assertThat(deployment.weights(modelId.toLowerCase())).containsEntry("fallback", 1.0);

            switchUser("cockpit", "compliance", "demo");
            page.navigate(url("/incidents"));
            Locator row = page.locator("#incidents tr").filter(new Locator.FilterOptions().setHasText(incidentId));
            assertThat(row).containsText("CONTAINED");
            assertThat(row).containsText("SEV1");
            screenshot("incidents-page.png");

            String processId = driver.task(incidentId, "Task_FileRegulatoryReport").getProcessInstanceId();
            page.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + processId + "/runtime"));
            assertThat(page.locator("[data-element-id=Timer_ReportOverdue]")).isVisible();
            page.getByText("Jobs", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deadline passed"))).isVisible();
            screenshot("incident-cockpit.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("incident-failure.png");
            throw e;
        }
    }
}
