package org.modelgov.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: one Chromium per test class, a fresh browser context (no cookies) and
 * page per test, and the login steps of ModelGov's pages and of Camunda's apps.
 */
@ModelGovIntegrationTest
public abstract class BrowserTest {

    private static final Playwright[] PLAYWRIGHT = new Playwright[1];
    private static Browser browser;

    @LocalServerPort
    protected int port;
    protected Page page;
    private BrowserContext context;

    @BeforeAll
    static void launchBrowser() {
        browser = org.modelgov.support.Browser.launch(PLAYWRIGHT);
    }

    @AfterAll
    static void closeBrowser() {
        if (PLAYWRIGHT[0] != null) {
            PLAYWRIGHT[0].close();
            PLAYWRIGHT[0] = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Logs in on ModelGov's own login form. */
    protected void logIn(String user, String password) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("#login-button");
    }

    /**
     * Opens a Camunda app ({@code tasklist}, {@code cockpit}): without a session it sends the person
     * to ModelGov's login form, then back into the app, logged in there too (single sign-on).
     */
    protected void logIntoCamunda(String app, String user, String password) {
        page.navigate(url("/camunda/app/" + app + "/"));
        page.waitForURL(url("/login"));
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("#login-button");
        page.waitForURL(u -> u.contains("/camunda/app/" + app + "/"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    /** Starts over as another person: a fresh browser context (no cookies), logged into the Camunda app. */
    protected void switchUser(String app, String user, String password) {
        context.close();
        context = browser.newContext();
        page = context.newPage();
        logIntoCamunda(app, user, password);
    }

    /**
     * Claims the open Tasklist task and waits until Tasklist has re-rendered it as claimed: the form is
     * drawn again after the claim, and a field touched before that would lose its input.
     */
    protected void claimTask() {
        page.click("text=Claim");
        // Tasklist's "unclaim" cross (an icon button without text) appears beside the assignee once claimed
        page.locator("button.unclaim").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    /** Picks {@code option} in the Camunda Form select labelled {@code label} (form-js opens a dropdown list). */
    protected void choose(String label, String option) {
        com.microsoft.playwright.Locator field = page.locator(".fjs-form-field-select")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(label)).first();
        com.microsoft.playwright.Locator item = page.locator(".fjs-dropdownlist-item")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(option)).first();
        // form-js opens its dropdown on a click into the field, and a second click closes it again; the form
        // may still be settling on a busy machine, so click only while the list is not showing, and look again
        long deadline = System.currentTimeMillis() + 30_000;
        while (!item.isVisible() && System.currentTimeMillis() < deadline) {
            field.locator(".fjs-input-group, .fjs-select-display, input").first().click();
            try {
                item.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(2000));
            } catch (com.microsoft.playwright.TimeoutError notOpenYet) {
                // the dropdown did not open (or a late re-render closed it): look again
            }
        }
        item.click();
    }

    /** Completes the open Tasklist task and checks Tasklist showed no error. */
    protected void completeTask() {
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Complete")).click();
        page.waitForTimeout(500);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".alert-danger:visible"))
                .hasCount(0);
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name)).setFullPage(true));
    }
}
