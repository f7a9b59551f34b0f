package org.modelgov.documentation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The model card pages as a compliance officer uses them: from the model page to a version's card, back through
 * its revisions with the picker, what changed between revisions, and the cards of two versions side by side.
 */
class ModelCardBrowserTest extends BrowserTest {

    /** Set up once for the class: the lifecycle takes a while. */
    private static String modelId;

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void approvedModelWithASecondVersion() {
        if (modelId != null) {
            return;
        }
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String id = "CARDB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        driver.registerApprovedModel(owner, id, id.toLowerCase());
        Api.Response v2 = owner.post("/api/models/" + id + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s", "securityPosture": {"kmsKeyId": "alias/claims"}}
                """.formatted(LifecycleDriver.demoFile("evaluation.csv"), LifecycleDriver.demoFile("analysis-config.json")));
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        driver.runJobs();
        modelId = id;
    }

    @Test
    void theCardPageShowsSectionsRevisionsAndWhatChanged() {
        logIn("compliance", "demo");
        page.navigate(url("/models/" + modelId));
        page.locator("#versions tr[data-version='1'] a.model-card-link").click();

        page.waitForURL(u -> u.endsWith("/models/" + modelId + "/versions/1/card"));
        assertThat(page.locator("#card-status")).hasText("Approved");
        assertThat(page.locator("#not-current")).hasCount(0);
        assertThat(page.locator("main h2").first()).hasText("Model overview");
        Locator riskRating = page.locator("dl.card-fields dt:text-is('Risk rating') + dd");
        assertThat(riskRating).hasText("Medium");
        assertThat(page.locator("table.card-table")).containsText("DI:sex=Female");
        int latest = page.locator("#revisions tbody tr").count();
        assertThat(latest).isGreaterThanOrEqualTo(4);
        assertThat(page.locator("#card-revision")).hasText(latest + " of " + latest);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "cards", "card-page.png"))
                .setFullPage(true));

        // the picker goes back to the first revision: a draft written before the risk review
        page.selectOption("#revision", "1");
        page.click("#revision-picker button[type=submit]");
        page.waitForURL(u -> u.endsWith("/card?revision=1"));
        assertThat(page.locator("#card-status")).hasText("Draft");
        assertThat(page.locator("#not-current")).isVisible();
        assertThat(riskRating).hasText("Unknown");
        assertThat(page.locator("table.card-table")).hasCount(0);
        assertThat(page.locator("#pdf-link")).hasAttribute("href", "/models/" + modelId + "/versions/1/card.pdf?revision=1");

        // what changed between the draft and the current card
        page.navigate(url("/models/" + modelId + "/versions/1/card/diff?from=1&to=2"));
        page.selectOption("#to", String.valueOf(latest));
        page.click("#diff-picker button[type=submit]");
        page.waitForURL(u -> u.contains("from=1&to=" + latest));
        Locator rating = page.locator("#differences tr[data-path='intended_uses.risk_rating']");
        assertThat(rating.locator("td.before")).hasText("Unknown");
        assertThat(rating.locator("td.after")).hasText("Medium");
        assertThat(page.locator("#differences")).containsText("added");
        assertThat(page.locator("#unchanged summary")).containsText("unchanged fields");
    }

    @Test
    void theCardsOfTwoVersionsAreComparedFieldByField() {
        logIn("compliance", "demo");
        page.navigate(url("/models/" + modelId + "/versions/2/card"));
        assertThat(page.locator("#card-status")).hasText("Draft");
        page.click("#versions-diff-link");

        page.waitForURL(u -> u.endsWith("/models/" + modelId + "/cards/diff?from=1&to=2"));
        assertThat(page.locator("h1")).hasText("Model cards of " + modelId + ": version 1 → 2");
        Locator version = page.locator("#differences tr[data-path='model_overview.model_version']");
        assertThat(version.locator("td.before")).hasText("1");
        assertThat(version.locator("td.after")).hasText("2");
        assertThat(page.locator("#differences")).containsText("removed");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "cards", "versions-diff-page.png"))
                .setFullPage(true));
        assertThat(page.locator("#json-link")).hasAttribute("href", "/api/models/" + modelId + "/cards/diff?from=1&to=2");
    }

    @Test
    void aBadRevisionIsRefusedByNameAndAnUnknownOneIsNotFound() {
        logIn("compliance", "demo");
        Response bad = page.navigate(url("/models/" + modelId + "/versions/1/card?revision=abc"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(page.locator("main")).containsText("revision: must be a revision number");
        Response missing = page.navigate(url("/models/" + modelId + "/versions/1/card?revision=999"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(page.locator("main")).containsText("no revision 999");
        assertThat(page.navigate(url("/models/" + modelId + "/versions/9/card")).status()).isEqualTo(404);
        assertThat(page.navigate(url("/models/" + modelId + "/cards/diff?from=1")).status()).isEqualTo(400);
    }
}
