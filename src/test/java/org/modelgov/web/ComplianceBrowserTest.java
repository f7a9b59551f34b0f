package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The compliance page as a compliance officer uses it: reached from the model page, gaps first, evidence links that
 * open, the scope form, the PDF; a model owner reads it but gets no form.
 */
class ComplianceBrowserTest extends BrowserTest {

    /** A HIGH model with one sign-off of two, set up once for the class: the lifecycle takes a while. */
    private static String modelId;

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void highModelAwaitingItsSecondSignOff() {
        if (modelId != null) {
            return;
        }
        LifecycleDriver driver = new LifecycleDriver(engine);
        String id = "CMB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String version = driver.registerCreditVersion(Api.as(port, "owner", "demo"), id, "Hiring screen",
                "Ranks job applicants");
        driver.complete(version, "Task_AnswerRiskQuestionnaire", "owner", new HashMap<>(Map.of("useArea", "EMPLOYMENT",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_REVIEWS",
                "personalData", "PERSONAL", "scale", "LARGE")));
        driver.complete(version, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "HIGH"));
        driver.complete(version, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        driver.complete(version, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(version, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
        driver.complete(version, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        modelId = id;
    }

    @Test
    void theComplianceOfficerSeesGapsFirstFollowsEvidenceAndScopesTheModelToNycEmployment() throws IOException {
        logIn("compliance", "demo");
        page.navigate(url("/models/" + modelId));
        page.click("#compliance-link");
        page.waitForURL(url("/models/" + modelId + "/compliance"));
        assertThat(page.locator("h1")).containsText("Hiring screen");
        assertThat(page.locator("#compliance-facts")).containsText("EMPLOYMENT");

        // gaps first: every OVERDUE/MISSING row comes before the first MET or NOT_APPLICABLE one
        List<String> statuses = new ArrayList<>();
        for (Locator row : page.locator("#requirements tbody tr").all()) {
            statuses.add(row.getAttribute("data-status"));
        }
        List<String> order = List.of("OVERDUE", "MISSING", "MET", "NOT_APPLICABLE");
        assertThat(statuses).contains("MISSING", "MET", "NOT_APPLICABLE");
        assertThat(statuses.stream().map(order::indexOf).toList()).isSorted();
        Locator conformity = page.locator("#requirements tr[data-requirement='EU_AI_ACT/EU-AIA-ART43']");
        assertThat(conformity).hasAttribute("data-status", "MISSING");
        assertThat(conformity).containsText("1 of 2 sign-offs (by approver1)");
        Locator nyc = page.locator("#requirements tr[data-requirement='NYC_LL144/LL144-BIAS-AUDIT']");
        assertThat(nyc).hasAttribute("data-status", "NOT_APPLICABLE");
        assertThat(nyc).containsText("not scoped to NYC employment use");

        // an evidence link opens the bias report it names
        Locator biasLink = page.locator("#requirements tr[data-requirement='NIST_AI_RMF/MAP-5'] a.evidence-link")
                .filter(new Locator.FilterOptions().setHasText("BIAS report")).first();
        String reportHref = biasLink.getAttribute("href");
        biasLink.click();
        page.waitForURL(url(reportHref));
        assertThat(page.locator("h1")).hasText("Bias report");
        page.goBack();
        // and the decisions link lands on the model page's decisions
        conformity.locator("a.evidence-link").filter(new Locator.FilterOptions().setHasText("Decisions on the model page"))
                .first().click();
        page.waitForURL(url("/models/" + modelId + "#decisions"));
        assertThat(page.locator("#decisions")).containsText("Sign-off: APPROVE");
        page.goBack();

        // the PDF on the page's session
        APIResponse pdf = page.request().get(url("/models/" + modelId + "/compliance.pdf"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Compliance report: Hiring screen", "EU-AIA-ART43", "MISSING", "1 of 2 sign-offs");
        }

        // the officer scopes the model to NYC employment use: Local Law 144 applies at once
        page.check("#scope-form input[name=nycEmployment]");
        page.fill("#scope-form textarea[name=note]", "Screens candidates for New York City roles");
        page.click("#scope-form button[type=submit]");
        page.waitForURL(url("/models/" + modelId + "/compliance"));
        assertThat(page.locator(".alert.success")).containsText("Compliance scope of " + modelId + " saved.");
        assertThat(page.locator("#scope-origin")).containsText("Set by compliance");
        assertThat(nyc).hasAttribute("data-status", "MET");
        assertThat(page.locator("#requirements tr[data-requirement='NYC_LL144/LL144-IR-RACE']"))
                .hasAttribute("data-status", "MISSING");
        assertThat(page.locator("#scope-form input[name=nycEmployment]")).isChecked();
    }

    @Test
    void aModelOwnerReadsThePageButHasNoScopeFormAndAPostIsRefused() {
        logIn("owner", "demo");
        page.navigate(url("/models/" + modelId + "/compliance"));
        assertThat(page.locator("#requirements")).isVisible();
        assertThat(page.locator("#scope-form")).hasCount(0);
        assertThat(page.locator("#scope-flags")).containsText("EU: in scope");
        String before = page.locator("#scope-flags").textContent();

        // the form's POST sent anyway, with the session's CSRF token: refused, nothing changed
        String csrf = page.locator("input[name=_csrf]").first().getAttribute("value");
        APIResponse refused = page.request().post(url("/models/" + modelId + "/compliance-scope"),
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf).set("eu", "true")
                        .set("usBank", "true").set("note", "owner tries")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("Only compliance officers and governance administrators");
        page.reload();
        assertThat(page.locator("#scope-flags")).hasText(before);

        page.navigate(url("/models/NO-SUCH-MODEL/compliance"));
        assertThat(page.locator("body")).containsText("NO-SUCH-MODEL");
    }
}
