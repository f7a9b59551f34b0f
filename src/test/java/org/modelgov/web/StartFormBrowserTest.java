package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;

/** An owner registers a version through Tasklist's "Start process" on the Camunda Form, and its lifecycle starts. */
class StartFormBrowserTest extends BrowserTest {

    @Test
    void anOwnerRegistersAVersionOnTheStartForm() {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "START-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Started in Tasklist\","
                + " \"purpose\": \"Registered on the start form\"}").status()).isEqualTo(201);
        try {
            logIntoCamunda("tasklist", "owner", "demo");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start process")).first().click();
            // the dialog's list of processes, not the task list behind it
            page.locator(".modal").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Model lifecycle"))
                    .first().click();
            Locator form = page.locator(".modal");
            fill(form, "Model id", modelId);
            fill(form, "Version label", "1.0.0");
            fill(form, "Evaluation dataset (CSV)", LifecycleDriver.demoFile("evaluation.csv"));
            fill(form, "Analysis config", LifecycleDriver.demoFile("analysis-config.json"));
            form.getByText("Runs in a VPC", new Locator.GetByTextOptions().setExact(true)).click();
            screenshot("start-form.png");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start")).click();
            assertThat(page.locator(".modal")).hasCount(0);
        } catch (RuntimeException | AssertionError e) {
            screenshot("start-form-failure.png");
            throw e;
        }

        JsonNode version = owner.get("/api/models/" + modelId + "/versions/1").json();
        assertThat(version.path("registeredBy").asText()).isEqualTo("owner");
        assertThat(version.path("label").asText()).isEqualTo("1.0.0");
        assertThat(version.path("securityPosture").path("vpc").asBoolean()).isTrue();
        assertThat(version.path("lifecycle").path("processInstanceId").asText()).isNotBlank();
    }

    private static void fill(Locator form, String label, String value) {
        form.locator(".fjs-form-field").filter(new Locator.FilterOptions().setHasText(label)).first()
                .locator("input").first().fill(value);
    }
}
