package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.modelgov.support.BrowserTest;

/** Camunda's apps carry ModelGov's name (Camunda's documented config.js customisation), not Camunda's. */
class CamundaBrandingBrowserTest extends BrowserTest {

    // the Angular apps render their header after loading their plugins, which takes a while on 2 cores
    private static final double SLOW_APP_MS = 60_000;

    @Test
    void tasklistSaysModelGovTasklist() {
        logIntoCamunda("tasklist", "validator", "demo");
        assertThat(page).hasTitle(Pattern.compile("ModelGov Tasklist"), new PageAssertions.HasTitleOptions().setTimeout(SLOW_APP_MS));
        assertThat(page.locator(".app-banner, .navbar-brand").first())
                .containsText("ModelGov Tasklist", new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW_APP_MS));
    }

    @Test
    void cockpitSaysModelGovCockpit() {
        logIntoCamunda("cockpit", "admin", "demo");
        assertThat(page).hasTitle(Pattern.compile("ModelGov Cockpit"), new PageAssertions.HasTitleOptions().setTimeout(SLOW_APP_MS));
        assertThat(page.locator(".app-banner, .navbar-brand").first())
                .containsText("ModelGov Cockpit", new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW_APP_MS));
    }

    @Test
    void welcomeLinksToModelGovPages() {
        logIntoCamunda("welcome", "compliance", "demo");
        assertThat(page).hasTitle(Pattern.compile("ModelGov Welcome"), new PageAssertions.HasTitleOptions().setTimeout(SLOW_APP_MS));
        assertThat(page.locator("a[href='/dashboard']")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(SLOW_APP_MS));
        assertThat(page.locator("a[href='/models']")).hasCount(1);
    }
}
