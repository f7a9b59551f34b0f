package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.modelgov.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Camunda's apps as reviewers and managers use them: a Camunda Form in Tasklist, processes in Cockpit. */
class TasklistBrowserTest extends BrowserTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void anOwnerAttestsAnInventoryRecordOnItsCamundaForm() {
        ProcessInstance attestation = runtime.startProcessInstanceByKey("InventoryAttestationProcess", "CUST-CHURN-001");
        logIntoCamunda("tasklist", "owner", "demo");
        try {
            page.click("text=My groups' tasks");
            page.getByText("Attest inventory record").first().click();
            claimTask();
            page.locator("text=The inventory record is accurate and complete").click();
            page.fill("textarea", "Checked against the registry");
            screenshot("tasklist-form.png");
            page.click("button:has-text('Complete')");
            assertThat(page.getByText("Attest inventory record")).hasCount(0);
        } catch (RuntimeException | AssertionError e) {
            screenshot("tasklist-failure.png");
            throw e;
        }

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(attestation.getId())
                .activityId("EndEvent_RecordAttested").count())
                .as("the form's checkbox routed the process to 'Record attested'").isEqualTo(1);
        // the form's value on the task, and the recorded attestation the process routed on
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(attestation.getId())
                .variableName("attestationComments").list()).extracting(v -> v.getValue())
                .containsOnly("Checked against the registry");
    }

    @Test
    void whoeverIsLoggedInToModelGovIsLoggedInToTasklistToo() {
        logIn("validator", "demo");
        assertThat(page).hasURL(url("/models"));

        page.navigate(url("/camunda/app/tasklist/"));

        assertThat(page.getByText("Vera Validator")).isVisible();
        assertThat(page.getByText("My groups' tasks")).isVisible();
        assertThat(page.locator("input[ng-model=password]")).hasCount(0);
    }

    @Test
    void aComplianceOfficerWatchesProcessesInCockpit() {
        logIntoCamunda("cockpit", "compliance", "demo");
        page.navigate(url("/camunda/app/cockpit/default/#/processes"));
        assertThat(page.getByText("Inventory attestation").first()).isVisible();
        screenshot("cockpit-processes.png");
    }
}
