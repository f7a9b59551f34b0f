package org.modelgov.export;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;

/** The model page offers the auditor's export to a compliance officer, not to the model's owner; it downloads. */
class AuditorExportBrowserTest extends BrowserTest {

    @Test
    void aComplianceOfficerDownloadsTheExportFromTheModelPageAndTheOwnerSeesNoLink() throws Exception {
        String modelId = "EXPB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Api owner = Api.as(port, "owner", "demo");
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Export probe\","
                + " \"purpose\": \"Exported from its page\"}").status()).isEqualTo(201);

        logIn("owner", "demo");
        page.navigate(url("/models/" + modelId));
        assertThat(page.locator("#model-facts")).isVisible();
        assertThat(page.locator("#auditor-export-link")).hasCount(0);
        page.context().clearCookies();

        logIn("compliance", "demo");
        page.navigate(url("/models/" + modelId));
        assertThat(page.locator("#auditor-export-link")).isVisible();
        screenshot("auditor-export-link.png");
        Download download = page.waitForDownload(() -> page.click("#auditor-export-link"));
        assertThat(download.suggestedFilename()).matches("modelgov-" + modelId + "-\\d{8}T\\d{6}Z\\.zip");
        Map<String, byte[]> files = OfflineVerifier.unzip(Files.readAllBytes(download.path()));
        JsonNode manifest = OfflineVerifier.json(files.get("manifest.json"));
        assertThat(manifest.path("modelId").asText()).isEqualTo(modelId);
        assertThat(manifest.path("exportedBy").asText()).isEqualTo("compliance");
        assertThat(OfflineVerifier.verify(files, null, null)).isEmpty();
    }
}
