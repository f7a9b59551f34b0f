package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.IdentityService;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** ModelGov's own pages, used in a real browser as a person would. */
@ModelGovIntegrationTest
class PagesBrowserTest {

    private static final Playwright[] PLAYWRIGHT = new Playwright[1];
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    BrowserContext context;
    Page page;

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

    @BeforeEach
    void newSession() {
        context = browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeSession() {
        context.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn(String user, String password) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("#login-button");
    }

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
        assertThat(page.locator("#inventory")).containsText("CUST-CHURN-001");
        assertThat(page.locator("#register-model")).hasCount(0);

        page.fill("input[name=q]", "credit");
        page.click("text=Filter");
        assertThat(page.locator("#inventory tbody tr")).hasCount(1);

        page.click("text=CREDIT-SCORE-002");
        assertThat(page.locator("h1")).containsText("Retail credit scoring");
        assertThat(page.locator("#model-facts")).containsText("UNASSESSED");
        assertThat(page.locator("#versions")).containsText("3.2.0");
        assertThat(page.locator("#audit")).containsText("MODEL_REGISTERED");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/model-detail.png")));
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
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/register-errors.png")));

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
