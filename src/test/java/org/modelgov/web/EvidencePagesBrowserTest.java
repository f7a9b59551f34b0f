package org.modelgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.impact.CategoryRate;
import org.modelgov.fairness.impact.ImpactRatioAnalysis;
import org.modelgov.fairness.impact.ImpactRatioReport;
import org.modelgov.support.Api;
import org.modelgov.support.Api.Part;
import org.modelgov.support.BrowserTest;
import org.modelgov.support.LifecycleDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evidence pages as a compliance officer reads them, on a model taken through its lifecycle to approval (MEDIUM
 * tier) with a drift report and an incident: every chart's numbers are checked against the report the API returns.
 */
class EvidencePagesBrowserTest extends BrowserTest {

    /** Set up once for the class: the lifecycle takes a while. */
    private static Fixture fixture;

    @Autowired
    ProcessEngine engine;

    record Fixture(String modelId, String incidentId, Map<String, String> reports) {
    }

    @BeforeEach
    void approvedModelWithEvidence() throws Exception {
        if (fixture != null) {
            return;
        }
        LifecycleDriver driver = new LifecycleDriver(engine);
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "EVD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        expect(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Credit evidence\","
                + " \"purpose\": \"Approves consumer credit\", \"deployment\": {\"endpointName\": \""
                + modelId.toLowerCase() + "\"}}"), 201);
        expect(owner.post("/api/models/" + modelId + "/versions", """
                {"label": "1.0.0", "evaluationDatasetUri": "%s", "analysisConfigUri": "%s",
                 "referenceDatasetUri": "%s", "currentDatasetUri": "%s", "explainabilityReportUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/credit"}}
                """.formatted(LifecycleDriver.demoFile("evaluation.csv"),
                LifecycleDriver.demoFile("analysis-config.json"), LifecycleDriver.demoFile("reference.csv"),
                LifecycleDriver.demoFile("current.csv"), LifecycleDriver.demoFile("explainability.json"))), 201);
        String version = modelId + ":1";
        driver.runJobs();
        driver.complete(version, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_DECIDES",
                "personalData", "PERSONAL", "scale", "SMALL"));
        driver.complete(version, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"));
        driver.complete(version, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        driver.complete(version, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(version, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
        driver.complete(version, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));

        Api validator = Api.as(port, "validator", "demo");
        expect(validator.multipart("/api/reports/drift",
                Part.file("reference", "reference.csv", demoBytes("reference.csv")),
                Part.file("current", "current.csv", demoBytes("current.csv")),
                Part.field("modelId", modelId), Part.field("modelVersion", "1")), 201);

        Api.Response incident = owner.post("/api/incidents", "{\"modelId\": \"" + modelId + "\", \"type\":"
                + " \"HARMFUL_OUTPUT\", \"description\": \"Declines that look arbitrary\"}");
        expect(incident, 201);
        driver.runJobs();

        Map<String, String> reports = new HashMap<>();
        for (JsonNode r : validator.get("/api/reports?modelId=" + modelId).json()) {
            reports.putIfAbsent(r.path("kind").asText(), r.path("id").asText());
        }
        assertThat(reports).containsKeys("BIAS", "PERFORMANCE", "DRIFT");
        fixture = new Fixture(modelId, incident.json().path("id").asText(), reports);
    }

    @Test
    void aBiasReportDrawsEachFacetsMetricsAgainstThePolicyAndTheImpactRatiosAgainstFourFifths() throws Exception {
        String id = fixture.reports().get("BIAS");
        JsonNode report = reportJson(id);
        logIn("compliance", "demo");
        page.navigate(url("/reports/" + id));
        try {
            assertThat(page.locator("h1")).hasText("Bias report");
            assertThat(page.locator("#report-id")).hasText(id);
            assertThat(page.locator("#report-tier")).containsText("MEDIUM");

            // every post-training DI and DPPL value of the report is a bar carrying that number
            int checked = 0;
            for (var column : iterable(report.path("report").path("post_training_bias_metrics").path("facets"))) {
                for (JsonNode selection : column.getValue()) {
                    String facet = column.getKey() + " = " + selection.path("value_or_threshold").asText();
                    for (JsonNode metric : selection.path("metrics")) {
                        String name = metric.path("name").asText();
                        Locator bar = page.locator("section[data-stage=Post-training][data-metric=" + name + "] "
                                + "g.bar-row[data-facet=\"" + facet + "\"]");
                        assertThat(bar).hasCount(1);
                        assertThat(Double.parseDouble(bar.getAttribute("data-value")))
                                .isCloseTo(metric.path("value").asDouble(), within(1e-12));
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(4);
            // MEDIUM: DI at least 0.8 and |DPPL| at most 0.1, drawn where validation applied them
            assertThat(page.locator("section[data-stage=Post-training][data-metric=DI] line.threshold[data-value='0.8']"))
                    .hasCount(1);
            assertThat(page.locator("section[data-stage=Post-training][data-metric=DPPL] line.threshold")).hasCount(2);

            // impact ratios, computed here independently from the same dataset and config
            ImpactRatioReport expected;
            try (InputStream data = Files.newInputStream(Path.of(URI.create(LifecycleDriver.demoFile("evaluation.csv"))))) {
                expected = ImpactRatioAnalysis.run(data, AnalysisConfig.parse(report.path("config").toString()));
            }
            List<String> seen = new ArrayList<>();
            expected.tables().forEach((table, rates) -> {
                for (CategoryRate rate : rates) {
                    String label = rate.category() + (rate.belowMinShare() ? " (below min share)" : "");
                    Locator ratio = page.locator("section[data-table=\"" + table + "\"] g.impact-ratio[data-category=\""
                            + label + "\"]");
                    Locator selection = page.locator("section[data-table=\"" + table + "\"] g.selection-rate"
                            + "[data-category=\"" + label + "\"]");
                    assertThat(Double.parseDouble(ratio.getAttribute("data-value")))
                            .isCloseTo(rate.impactRatio(), within(1e-12));
                    assertThat(Double.parseDouble(selection.getAttribute("data-value")))
                            .isCloseTo(rate.rate(), within(1e-12));
                    seen.add(label);
                }
            });
            assertThat(seen).isNotEmpty();
            assertThat(page.locator("g.impact-ratio")).hasCount(seen.size());
            assertThat(page.locator("section.impact-table line.threshold[data-value='0.8']").first()).isAttached();
            screenshot("report-bias.png");

            // "Download JSON" opens the API in the same session: the report, not a login prompt
            String href = page.locator("#download-json").getAttribute("href");
            Response json = page.navigate(url(href));
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.text()).contains("\"id\":\"" + id + "\"");
        } catch (RuntimeException | AssertionError e) {
            screenshot("report-bias-failure.png");
            throw e;
        }
    }

    @Test
    void aPerformanceReportShowsItsMetricsConfusionMatrixAndFacets() {
        String id = fixture.reports().get("PERFORMANCE");
        JsonNode overall = reportJson(id).path("report").path("overall");
        logIn("compliance", "demo");
        page.navigate(url("/reports/" + id));
        assertThat(page.locator("h1")).hasText("Performance report");
        assertThat(page.locator("#report-id")).hasText(id);
        for (String cell : List.of("TP", "FP", "TN", "FN")) {
            assertThat(page.locator("#confusion-matrix td[data-cell=" + cell + "]"))
                    .hasText(overall.path("confusion_matrix").path(cell).asText());
        }
        Locator accuracy = page.locator("svg g.metric-bar[data-metric=accuracy]");
        assertThat(Double.parseDouble(accuracy.getAttribute("data-value")))
                .isCloseTo(overall.path("accuracy").asDouble(), within(1e-12));
        assertThat(page.locator("#facet-performance tbody tr")).not().hasCount(0);
        screenshot("report-performance.png");
    }

    @Test
    void aDriftReportDrawsPsiPerFeatureAgainstTheWarningAndBreachLines() {
        String id = fixture.reports().get("DRIFT");
        JsonNode features = reportJson(id).path("report").path("features");
        logIn("compliance", "demo");
        page.navigate(url("/reports/" + id));
        assertThat(page.locator("h1")).hasText("Drift report");
        assertThat(page.locator("#report-id")).hasText(id);
        assertThat(features.size()).isGreaterThan(1);
        for (JsonNode f : features) {
            Locator bar = page.locator("#psi-chart g.psi-bar[data-feature=\"" + f.path("name").asText() + "\"]");
            assertThat(Double.parseDouble(bar.getAttribute("data-value")))
                    .isCloseTo(f.path("psi").asDouble(), within(1e-12));
        }
        assertThat(page.locator("#psi-chart line.threshold[data-value='0.1']")).hasCount(1);
        assertThat(page.locator("#psi-chart line.threshold[data-value='0.2']")).hasCount(1);
        assertThat(page.locator("#drift-features tbody tr")).hasCount(features.size());
        // the distance chart draws each feature's KS (numbers) or JS (categories) from the report
        for (JsonNode f : features) {
            boolean numeric = f.path("type").asText().equals("numeric");
            Locator bar = page.locator("#distance-chart g.distance-bar[data-feature=\"" + f.path("name").asText()
                    + (numeric ? " (KS)" : " (JS)") + "\"]");
            assertThat(Double.parseDouble(bar.getAttribute("data-value")))
                    .isCloseTo(f.path(numeric ? "ks" : "js").asDouble(), within(1e-12));
        }
        screenshot("report-drift.png");
    }

    @Test
    void theExplainabilityPageSortsTheFeaturesByMeanAbsoluteShap() {
        logIn("compliance", "demo");
        page.navigate(url("/models/" + fixture.modelId() + "/versions/1/explainability"));
        assertThat(page.locator("h1")).containsText("Explainability");
        Locator features = page.locator(".feature-importance");
        // demo/credit/explainability.json: income 0.31, debt_ratio 0.22, employment_years 0.07, age 0.03, sex 0.004
        assertThat(features).hasCount(5);
        assertThat(features.first()).hasAttribute("data-feature", "income");
        assertThat(Double.parseDouble(features.first().getAttribute("data-value"))).isCloseTo(0.31, within(1e-12));
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            double value = Double.parseDouble(features.nth(i).getAttribute("data-value"));
            assertThat(value).isLessThanOrEqualTo(previous);
            previous = value;
        }
        assertThat(features.last()).hasAttribute("data-feature", "sex");
        screenshot("explainability.png");

        // a version without a report says so, without a stack trace
        Api.Response second = Api.as(port, "owner", "demo").post("/api/models/" + fixture.modelId() + "/versions",
                "{\"label\": \"1.1.0\"}");
        expect(second, 201);
        page.navigate(url("/models/" + fixture.modelId() + "/versions/" + second.json().path("number").asInt()
                + "/explainability"));
        assertThat(page.locator("h1")).containsText("Explainability");
        assertThat(page.locator("#explainability-problem")).containsText("no explainability report");
        assertThat(page.locator(".feature-importance")).hasCount(0);
    }

    @Test
    void theModelPageSaysWhereTheLifecycleStandsAndLinksEveryPieceOfEvidenceDecisionAndIncident() {
        logIn("compliance", "demo");
        page.navigate(url("/models/" + fixture.modelId()));
        try {
            assertThat(page.locator("#versions tr[data-version='1'] a.lifecycle"))
                    .hasText("In production, until the next review or a drift report");
            assertThat(page.locator("#decisions")).containsText("Risk tier review: MEDIUM");
            Locator signOff = page.locator("#decisions tr[data-kind=SIGN_OFF]");
            assertThat(signOff).containsText("approver1");
            assertThat(signOff).containsText("Sign-off: APPROVE");
            assertThat(page.locator("#decisions tr[data-kind=TECHNICAL_VALIDATION]")).containsText("validator");
            for (String kind : List.of("BIAS", "PERFORMANCE", "DRIFT")) {
                assertThat(page.locator("#evidence a[href='/reports/" + fixture.reports().get(kind) + "']")).hasCount(1);
            }
            assertThat(page.locator("#evidence section[data-version='1'] a.explainability-link")).hasAttribute("href",
                    "/models/" + fixture.modelId() + "/versions/1/explainability");
            assertThat(page.locator("#model-facts")).containsText("Next review due");
            screenshot("model-evidence.png");

            page.locator("#evidence a[href='/reports/" + fixture.reports().get("BIAS") + "']").click();
            assertThat(page.locator("h1")).hasText("Bias report");
            page.goBack();

            page.locator("#model-incidents a.incident-link").filter(new Locator.FilterOptions()
                    .setHasText(fixture.incidentId())).click();
            assertThat(page.locator("#incident-id")).hasText(fixture.incidentId());
        } catch (RuntimeException | AssertionError e) {
            screenshot("model-evidence-failure.png");
            throw e;
        }
    }

    @Test
    void theIncidentPageShowsItsTimelineSeverityDeadlineAndModel() {
        logIn("responder", "demo");
        page.navigate(url("/incidents"));
        page.locator("#incidents a.incident-link").filter(new Locator.FilterOptions()
                .setHasText(fixture.incidentId())).click();
        assertThat(page.locator("#incident-id")).hasText(fixture.incidentId());
        assertThat(page.locator("#incident-type")).hasText("HARMFUL_OUTPUT");
        assertThat(page.locator("#incident-severity")).hasText("not triaged yet");
        assertThat(page.locator("#incident-status")).hasText("OPEN");
        assertThat(page.locator("#incident-deadline")).hasAttribute("data-state", "none");
        assertThat(page.locator("#incident-timeline li[data-activity=Task_Triage]")).containsText("open now");
        assertThat(page.locator("#incident-model")).hasAttribute("href", "/models/" + fixture.modelId());
        screenshot("incident-detail.png");
    }

    private JsonNode reportJson(String id) {
        Api.Response response = Api.as(port, "compliance", "demo").get("/api/reports/" + id);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object.properties();
    }

    private static byte[] demoBytes(String name) throws Exception {
        try (InputStream in = EvidencePagesBrowserTest.class.getResourceAsStream("/demo/credit/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void expect(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
