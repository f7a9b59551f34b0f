package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Camunda's apps as reviewers and managers use them: a Camunda Form in Tasklist, processes in Cockpit. */
@ModelGovIntegrationTest
class TasklistBrowserTest {

    private static final Playwright[] PLAYWRIGHT = new Playwright[1];
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @BeforeAll
    static void launch() {
        browser = org.modelgov.support.Browser.launch(PLAYWRIGHT);
    }

    @AfterAll
    static void close() {
        if (PLAYWRIGHT[0] != null) {
            PLAYWRIGHT[0].close();
        }
    }

    @Test
    void anOwnerAttestsAnInventoryRecordOnItsCamundaForm() {
        ProcessInstance attestation = runtime.startProcessInstanceByKey("InventoryAttestationProcess", "CUST-CHURN-001");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
            // Tasklist is an Angular app: let it finish rendering the login view before typing
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            page.fill("input[ng-model=username]", "owner");
            page.fill("input[ng-model=password]", "demo");
            page.click("button[type=submit]");

            try {
                workTheTask(page);
            } catch (RuntimeException | AssertionError e) {
                shot(page, "tasklist-failure.png");
                throw e;
            }
        }
        var ended = history.createHistoricActivityInstanceQuery().processInstanceId(attestation.getId())
                .activityId("EndEvent_RecordAttested").count();
        assertThat(ended).as("the form's checkbox routed the process to 'Record attested'").isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(attestation.getId())
                .variableName("attestationComments").singleResult().getValue())
                .isEqualTo("Checked against the registry");
    }

    private static void workTheTask(Page page) {
        page.click("text=My groups' tasks");
        page.getByText("Attest inventory record").first().click();
        page.click("text=Claim");
        page.locator("text=The inventory record is accurate and complete").click();
        page.fill("textarea", "Checked against the registry");
        shot(page, "tasklist-form.png");
        page.click("button:has-text('Complete')");

        assertThat(page.getByText("Attest inventory record")).hasCount(0);
    }

    @Test
    void aComplianceOfficerWatchesProcessesInCockpit() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/camunda/app/cockpit/");
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            page.fill("input[ng-model=username]", "compliance");
            page.fill("input[ng-model=password]", "demo");
            page.click("button[type=submit]");
            page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
            assertThat(page.getByText("Inventory attestation").first()).isVisible();
            shot(page, "cockpit-processes.png");
        }
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name)).setFullPage(true));
    }
}
