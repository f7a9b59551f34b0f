package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** ModelGov's own pages, used in a real browser as a person would. */
class PagesBrowserTest extends BrowserTest {

    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;

    @Test
    void pagesNeedALoginAndAWrongPasswordIsSaidPlainly() {
        page.navigate(url("/models"));
        assertThat(page).hasURL(url("/login"));

        // its own user: Camunda briefly locks a user after a failed login
        logIn(TestUsers.ensure(identity, "page-lockout-probe", "model-owners"), "not-the-password");
        assertThat(page.locator("#login-error")).containsText("Wrong user name or password");
    }

    @Test
    void theInventoryListsModelsAndOpensTheirDetail() {
        logIn("compliance", "demo");

        assertThat(page).hasURL(url("/models"));
        assertThat(page.locator("#current-user")).hasText("compliance");
        assertThat(page.locator("#inventory tbody tr").first()).isVisible();
        assertThat(page.locator("#register-model")).hasCount(0);
        // other test contexts may share the database (PostgreSQL in CI): find the demo model by its id
        page.fill("input[name=q]", "CUST-CHURN-001");
        page.click("text=Filter");
        assertThat(page.locator("#inventory")).containsText("CUST-CHURN-001");

        page.fill("input[name=q]", "retail credit");
        page.click("text=Filter");
        assertThat(page.locator("#inventory tbody tr")).hasCount(1);

        page.click("text=CREDIT-SCORE-002");
        assertThat(page.locator("h1")).containsText("Retail credit scoring");
        assertThat(page.locator("#model-facts")).containsText("UNASSESSED");
        assertThat(page.locator("#versions")).containsText("3.2.0");
        // the demo version's lifecycle is under way (the tests run jobs by hand); the link opens it in Cockpit
        // where it stands is said in words, never as a BPMN id
        assertThat(page.locator("#versions a.lifecycle")).not().containsText("Task_");
        assertThat(page.locator("#versions a.lifecycle")).not().isEmpty();
        assertThat(page.locator("#versions a.lifecycle")).hasAttribute("href",
                java.util.regex.Pattern.compile("/camunda/app/cockpit/default/#/process-instance/.+/runtime"));
        assertThat(page.locator("#audit")).containsText("MODEL_REGISTERED");
        // details read as key/value pairs, not raw JSON, and the whole trail is one click away
        assertThat(page.locator("#audit dl.audit-details").first()).isVisible();
        assertThat(page.locator("#audit")).not().containsText("{\"");
        assertThat(page.locator("#model-audit-link")).hasAttribute("href", "/audit?modelId=CREDIT-SCORE-002");
        screenshot("model-detail.png");
    }

    @Test
    void theAuditTrailPageShowsTheChainIsIntact() {
        logIn("compliance", "demo");
        page.click("text=Audit trail");
        assertThat(page.locator("#chain-status")).containsText("Hash chain intact");
        assertThat(page.locator("#audit")).containsText("MODEL_REGISTERED");
    }

    @Test
    void theNotificationsPageShowsWhoWasToldAboutANewTask() {
        var attestation = runtime.startProcessInstanceByKey("InventoryAttestationProcess", "RESUME-SCREEN-003");
        try {
            logIn("compliance", "demo");
            page.click("text=Notifications");
            assertThat(page.locator("#notifications")).containsText("New task: Attest inventory record (RESUME-SCREEN-003)");
            assertThat(page.locator("#notifications")).containsText("model-owners");
        } finally {
            runtime.deleteProcessInstance(attestation.getId(), "test finished");
        }
    }

    @Test
    void anOwnerRegistersAModelAndIsToldExactlyWhatToFix() {
        logIn("owner", "demo");
        page.click("#register-model");
        page.fill("#id", "bad id");
        page.fill("#name", "Fraud detector");
        page.fill("#purpose", "Flags card payments for review");
        page.fill("#modelPackageArn", "not-an-arn");
        page.click("#register-submit");

        assertThat(page.locator("#register-form")).containsText("upper-case letters");
        assertThat(page.locator("#register-form")).containsText("SageMaker model package ARN");
        screenshot("register-errors.png");

        String id = "FRAUD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        page.fill("#id", id);
        page.fill("#modelPackageArn", "");
        page.click("#register-submit");

        assertThat(page).hasURL(url("/models/" + id));
        assertThat(page.locator(".alert.success")).containsText("registered");
        assertThat(page.locator("#model-facts")).containsText("owner");
    }

    @Test
    void aValidatorMayNotOpenTheRegistrationForm() {
        logIn("validator", "demo");
        assertThat(page.locator("#register-model")).hasCount(0);
        var response = page.navigate(url("/models/new"));
        assertThat(response.status()).isEqualTo(403);
    }
}
