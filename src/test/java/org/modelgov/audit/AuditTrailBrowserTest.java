package org.modelgov.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;

/** The audit trail page: filters, readable details, paging, both exports, and bad input said plainly. */
class AuditTrailBrowserTest extends BrowserTest {

    @Test
    void aComplianceOfficerFiltersTheTrailReadsItsDetailsAndExportsIt() throws Exception {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "AUDITB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Audit browser probe\","
                + " \"purpose\": \"Filtered on the audit page\"}").status()).isEqualTo(201);
        assertThat(owner.patch("/api/models/" + modelId, "{\"purpose\": \"Filtered, then exported\"}").status())
                .isEqualTo(200);
        assertThat(owner.post("/api/models/" + modelId + "/versions", "{\"label\": \"1.0.0\"}").status())
                .isEqualTo(201);

        logIn("compliance", "demo");
        page.click("text=Audit trail");
        assertThat(page.locator("#chain-status")).containsText("Hash chain intact");
        page.fill("input[name=modelId]", modelId);
        page.click("#audit-filter");
        assertThat(page.locator("#audit-count")).containsText("3 events");
        assertThat(page.locator("#audit tbody tr")).hasCount(3);
        assertThat(page.locator("#audit tbody tr").first()).containsText("MODEL_VERSION_REGISTERED");
        // details as key and value, not raw JSON
        assertThat(page.locator("#audit tbody tr").last().locator("dl.audit-details dt").first()).isVisible();
        assertThat(page.locator("#audit tbody tr").last().locator("dl.audit-details")).containsText("purpose");
        assertThat(page.locator("#audit")).containsText("Audit browser probe");
        assertThat(page.locator("#audit")).not().containsText("{\"");
        screenshot("audit-trail.png");

        page.fill("input[name=action]", "MODEL_CHANGED");
        page.click("#audit-filter");
        assertThat(page.locator("#audit tbody tr")).hasCount(1);
        assertThat(page.locator("#audit")).containsText("Filtered, then exported");
        // a change reads as the field's old and new value
        assertThat(page.locator("#audit dl.audit-details")).containsText("purpose.from");
        assertThat(page.locator("#audit dl.audit-details")).containsText("purpose.to");
        page.fill("input[name=action]", "");
        page.click("#audit-filter");
        // an action in a row narrows the shown events to it, keeping the model filter
        page.locator("#audit tbody tr").last().locator("a", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("MODEL_REGISTERED")).click();
        assertThat(page.locator("#audit tbody tr")).hasCount(1);
        assertThat(page.locator("input[name=modelId]")).hasValue(modelId);
        page.goBack();

        Download csv = page.waitForDownload(() -> page.click("#export-csv"));
        assertThat(csv.suggestedFilename()).matches("audit-trail-\\d{8}T\\d{6}Z\\.csv");
        List<List<String>> rows = AuditApiIntegrationTest.parseCsv(Files.readString(csv.path()));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly("seq", "occurredAt", "actor", "action", "entityType", "entityId",
                "details", "prevHash", "hash", "chainSeq");
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r.get(5)).startsWith(modelId));
        // the export seals first: every row leaves with its chain position and hash
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r.get(9)).matches("\\d+"));
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r.get(8)).hasSize(64));

        Download json = page.waitForDownload(() -> page.click("#export-json"));
        assertThat(json.suggestedFilename()).endsWith(".json");
        JsonNode events = new ObjectMapper().readTree(Files.readString(json.path()));
        assertThat(events).hasSize(3);
        assertThat(events.get(2).path("action").asText()).isEqualTo("MODEL_REGISTERED");
    }

    @Test
    void aBadDateIsA400ThatSaysWhatWasWrong() {
        logIn("validator", "demo");
        var response = page.navigate(url("/audit?from=31.12.2026&size=0"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(page.locator("#filter-errors")).containsText("from must be an ISO date like 2026-01-31");
        assertThat(page.locator("#filter-errors")).containsText("size must be between 1 and 500");
        assertThat(page.locator("#audit-filters")).isVisible();
        assertThat(page.navigate(url("/audit/export?format=xml")).status()).isEqualTo(400);
    }
}
