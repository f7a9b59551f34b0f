package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.LoadState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The personal-data report page as a compliance officer reads it, and the risk officer's tier review in Tasklist
 * showing special-category data: columns and detectors, never a value.
 */
class PersonalDataBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theReportPageNamesColumnsAndDetectorsAndShowsNoValue() {
        String csv = org.modelgov.privacy.PersonalDataScanTestData.mixed();
        Api.Response created = Api.as(port, "validator", "demo").multipart("/api/reports/personal-data",
                Api.Part.file("data", "customers.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        try {
            logIn("compliance", "demo");
            page.navigate(url("/reports/" + id));
            assertThat(page.locator("h1")).hasText("Personal-data report");
            assertThat(page.locator("#personal-data-found")).hasText("Special-category data (GDPR Art. 9) found");
            assertThat(page.locator(".personal-data-dataset h3")).hasText("Evaluation data (customers.csv)");
            Locator email = page.locator("tr[data-column='email'][data-detector='EMAIL']");
            assertThat(email).containsText("e-mail address");
            assertThat(email).containsText("80.0%");
            assertThat(email).containsText("header and values");
            Locator health = page.locator("tr[data-column='group'][data-detector='HEALTH']");
            assertThat(health).containsText("special category (Art. 9)");
            assertThat(health).containsText("values");
            // special categories are listed first
            assertThat(page.locator(".personal-data-findings tbody tr").first()).containsText("special category");
            assertThat(page.locator("#download-json")).hasAttribute("href", "/api/reports/" + id);
            String html = page.content();
            for (String value : org.modelgov.privacy.PersonalDataScanTestData.PLANTED) {
                assertThat(html).doesNotContain(value);
            }
            screenshot("personal-data-report.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("personal-data-report-failure.png");
            throw e;
        }
    }

    @Test
    void theRiskOfficerSeesSpecialCategoryDataOnTheTierReview() throws Exception {
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "PDB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Health scores " + modelId
                + "\", \"purpose\": \"Prioritises clinic appointments\"}").status()).isEqualTo(201);
        Path demo = Path.of(LifecycleDriver.demoFile("evaluation.csv").substring("file:".length()));
        List<String> lines = Files.readAllLines(demo);
        StringBuilder csv = new StringBuilder(lines.get(0)).append(",diagnosis\n");
        for (int i = 1; i < lines.size(); i++) {
            csv.append(lines.get(i)).append(i % 2 == 0 ? ",Asthma\n" : ",Epilepsy\n");
        }
        Path file = demo.getParent().resolve("pdb-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, csv.toString());
        try {
            Api.Response version = owner.post("/api/models/" + modelId + "/versions", "{\"evaluationDatasetUri\": \""
                    + file.toUri() + "\", \"analysisConfigUri\": \"" + LifecycleDriver.demoFile("analysis-config.json")
                    + "\"}");
            assertThat(version.status()).as(version.body()).isEqualTo(201);
            String versionId = modelId + ":1";
            driver.runJobs();
            driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                    "prohibitedPractice", false, "decidesAboutIndividuals", false, "humanOversight", "HUMAN_DECIDES",
                    "personalData", "PERSONAL", "scale", "SMALL"));

            logIntoCamunda("tasklist", "risk", "demo");
            String taskId = driver.task(versionId, "Task_ReviewRiskTier").getId();
            page.navigate(url("/camunda/app/tasklist/default/#/?task=" + taskId));
            page.waitForLoadState(LoadState.NETWORKIDLE);
            Locator scan = page.locator(".fjs-form-field-text")
                    .filter(new Locator.FilterOptions().setHasText("Personal data in the datasets")).first();
            assertThat(scan).containsText("Special-category data found",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(scan).containsText("column 'diagnosis'");
            assertThat(scan).containsText("health");
            assertThat(scan).containsText("the owner declared Personal data");
            assertThat(scan.locator("a")).hasAttribute("href", java.util.regex.Pattern.compile("/reports/[0-9a-f-]{36}$"));
            assertThat(scan).not().containsText("Asthma");
            screenshot("personal-data-risk-review.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("personal-data-risk-review-failure.png");
            throw e;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
