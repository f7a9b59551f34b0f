package org.modelgov.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.export.ExportFile;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Model cards as documents, on a real lifecycle: every revision kept (Draft → PendingReview with the validation
 * findings → Approved), the JSON API and its refusals, the PDF read back, the diff of two versions' cards and the
 * auditor export's files.
 */
@ModelGovIntegrationTest
class ModelCardIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DI = "evaluation_details[ModelGov validation round 1].metric_groups[Validation findings]"
            + ".metric_data[DI:sex=Female].value";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ModelCardDocuments documents;
    @Autowired
    ModelCardExport export;

    private LifecycleDriver driver;
    private Api owner;
    private Api compliance;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        compliance = Api.as(port, "compliance", "demo");
    }

    @Test
    void everyRevisionOfTheCardIsKeptFromDraftThroughValidationToApproval() {
        String modelId = approvedModel();

        JsonNode revisions = compliance.get("/api/models/" + modelId + "/versions/1/card/revisions").json();
        List<String> statuses = new ArrayList<>();
        revisions.forEach(r -> statuses.add(r.path("status").asText()));
        assertThat(statuses).containsSubsequence("Draft", "PendingReview", "Approved");
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo("Approved");
        for (int i = 0; i < revisions.size(); i++) {
            assertThat(revisions.get(i).path("revision").asInt()).as("numbered 1, 2, ...").isEqualTo(i + 1);
            assertThat(revisions.get(i).has("content")).as("the list carries no content").isFalse();
        }
        JsonNode first = revisions.get(0);
        assertThat(List.of(first.path("change").asText(), first.path("writtenBy").asText(),
                first.path("step").asText())).containsExactly("CONTENT", "owner", "Version registered");
        JsonNode approved = revisions.get(revisions.size() - 1);
        assertThat(approved.path("change").asText()).isEqualTo("STATUS");
        assertThat(approved.path("writtenBy").asText()).isEqualTo("approver1");
        assertThat(approved.path("step").asText()).isEqualTo("Approved at sign-off");

        // each revision keeps its own content: the draft has no evaluation, the one sent for review has the findings
        JsonNode draft = card(modelId, 1, 1);
        assertThat(draft.path("status").asText()).isEqualTo("Draft");
        assertThat(draft.path("content").has("evaluation_details")).isFalse();
        int pendingRevision = revisionWithStatus(revisions, "PendingReview");
        JsonNode pending = card(modelId, 1, pendingRevision);
        assertThat(pending.path("status").asText()).isEqualTo("PendingReview");
        assertThat(pending.path("writtenBy").asText()).as("the round's reviewers").contains("validator");
        JsonNode metrics = pending.path("content").path("evaluation_details").get(0).path("metric_groups").get(0)
                .path("metric_data");
        List<String> metricNames = new ArrayList<>();
        metrics.forEach(m -> metricNames.add(m.path("name").asText()));
        assertThat(metricNames).contains("DI:sex=Female");
        assertThat(draft.path("content").path("intended_uses").path("risk_rating").asText())
                .as("written before the risk review").isEqualTo("Unknown");
        assertThat(pending.path("content").path("intended_uses").path("risk_rating").asText()).isEqualTo("Medium");

        // the current card is the approved revision, its content the one sent for review
        JsonNode current = compliance.get("/api/models/" + modelId + "/versions/1/card").json();
        assertThat(current.path("revision").asInt()).isEqualTo(revisions.size());
        assertThat(current.path("latestRevision").asInt()).isEqualTo(revisions.size());
        assertThat(current.path("status").asText()).isEqualTo("Approved");
        assertThat(current.path("versionId").asText()).isEqualTo(modelId + ":1");
        assertThat(current.path("content")).isEqualTo(pending.path("content"));
    }

    @Test
    void theApiRefusesBadRevisionsAndVersionsAndUnknownModels() {
        String modelId = approvedModel();
        String base = "/api/models/" + modelId + "/versions/1/card";
        JsonNode before = compliance.get(base + "/revisions").json();

        Api.Response notANumber = compliance.get(base + "?revision=abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.invalidFields()).containsExactly("revision");
        assertThat(notANumber.body()).doesNotContain("abc");
        assertThat(compliance.get(base + "?revision=0").invalidFields()).containsExactly("revision");
        assertThat(compliance.get(base + "?revision=99999999999").invalidFields()).containsExactly("revision");
        Api.Response noSuchRevision = compliance.get(base + "?revision=999");
        assertThat(noSuchRevision.status()).isEqualTo(404);
        assertThat(noSuchRevision.json().path("detail").asText()).contains("no revision 999");
        assertThat(compliance.get("/api/models/" + modelId + "/versions/7/card").status()).isEqualTo(404);
        assertThat(compliance.get("/api/models/" + modelId + "/versions/x/card").status()).isEqualTo(404);
        assertThat(compliance.get("/api/models/NO-SUCH-MODEL/versions/1/card").status()).isEqualTo(404);
        assertThat(compliance.get("/api/models/NO-SUCH-MODEL/versions/1/card/revisions").status()).isEqualTo(404);
        assertThat(compliance.get(base + "/diff?to=2").invalidFields()).containsExactly("from");
        assertThat(compliance.get(base + "/diff?from=1&to=two").invalidFields()).containsExactly("to");
        assertThat(compliance.get(base + "/diff?from=1&to=999").status()).isEqualTo(404);
        assertThat(compliance.get("/api/models/" + modelId + "/cards/diff?from=1").invalidFields())
                .containsExactly("to");
        assertThat(compliance.get("/api/models/" + modelId + "/cards/diff?from=1&to=9").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get(base).status()).isEqualTo(401);
        // reading is for every logged-in user, and refusals change nothing
        assertThat(Api.as(port, "business", "demo").get(base).status()).isEqualTo(200);
        assertThat(compliance.get(base + "/revisions").json()).isEqualTo(before);
    }

    @Test
    void theDiffOfTwoVersionsCardsMatchesMetricsByNameAndShowsWhatChanged() {
        String modelId = approvedModel();
        Api.Response patched = owner.patch("/api/models/" + modelId,
                "{\"purpose\": \"Routes insurance claims and flags likely fraud for review\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        Api.Response v2 = owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s", "securityPosture": {"kmsKeyId": "alias/claims"}}
                """.formatted(LifecycleDriver.demoFile("evaluation.csv"), LifecycleDriver.demoFile("analysis-config.json")));
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        driver.runJobs();
        String version2 = modelId + ":2";
        driver.complete(version2, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_DECIDES",
                "personalData", "PERSONAL", "scale", "SMALL"));
        driver.complete(version2, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"));
        driver.complete(version2, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        driver.complete(version2, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(version2, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));

        JsonNode diff = compliance.get("/api/models/" + modelId + "/cards/diff?from=1&to=2").json();

        assertThat(diff.path("from").path("versionId").asText()).isEqualTo(modelId + ":1");
        assertThat(diff.path("from").path("status").asText()).isEqualTo("Approved");
        assertThat(diff.path("to").path("versionId").asText()).isEqualTo(modelId + ":2");
        assertThat(diff.path("to").path("status").asText()).isEqualTo("PendingReview");
        Map<String, JsonNode> byPath = new java.util.HashMap<>();
        diff.path("changes").forEach(c -> byPath.put(c.path("path").asText(), c));
        JsonNode version = byPath.get("model_overview.model_version");
        assertThat(List.of(version.path("kind").asText(), version.path("from").asText(), version.path("to").asText()))
                .containsExactly("CHANGED", "1", "2");
        JsonNode purpose = byPath.get("intended_uses.purpose_of_model");
        assertThat(purpose.path("kind").asText()).isEqualTo("CHANGED");
        assertThat(purpose.path("label").asText()).isEqualTo("Intended uses › Purpose");
        List<String> added = new ArrayList<>();
        purpose.path("words").forEach(w -> {
            if (w.path("kind").asText().equals("ADDED")) {
                added.add(w.path("text").asText());
            }
        });
        assertThat(added).containsExactly("and flags likely fraud for review");
        assertThat(byPath.get(DI).path("kind").asText()).as("the same metric, found by name").isEqualTo("UNCHANGED");
        assertThat(diff.path("counts").path("changed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(diff.path("counts").path("unchanged").asLong()).isPositive();

        // revisions of one version: the draft against the card sent for review
        JsonNode revisions = compliance.get("/api/models/" + modelId + "/versions/2/card/revisions").json();
        int pending = revisionWithStatus(revisions, "PendingReview");
        JsonNode revisionDiff = compliance.get("/api/models/" + modelId + "/versions/2/card/diff?from=1&to="
                + pending).json();
        assertThat(revisionDiff.path("changes").findValuesAsText("kind")).contains("ADDED");
        assertThat(revisionDiff.path("changes").findValuesAsText("path")).contains(DI);
    }

    @Test
    void thePdfCarriesNameVersionPurposeRiskRatingMetricsAndStatus() throws IOException {
        String modelId = approvedModel();

        HttpResponse<byte[]> response = getBytes("/models/" + modelId + "/versions/1/card.pdf", "compliance");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = pdfText(response.body());
        assertThat(text).contains("Model card: Claims triage", modelId + ":1", "Routes insurance claims",
                "Risk rating", "Medium", "DI:sex=Female", "Card status", "Approved", "Metrics");
        assertThat(getBytes("/models/" + modelId + "/versions/1/card.pdf?revision=1", "compliance").statusCode())
                .isEqualTo(200);
        assertThat(pdfText(getBytes("/models/" + modelId + "/versions/1/card.pdf?revision=1", "compliance").body()))
                .contains("Draft", "not the current revision").doesNotContain("DI:sex=Female");
    }

    @Test
    void theAuditorExportHasEachVersionsCardAsPdfAndJsonAndItsRevisionHistory() throws IOException {
        String modelId = approvedModel();

        List<ExportFile> files = export.filesFor(modelId);

        assertThat(files).extracting(ExportFile::path, ExportFile::mediaType).containsExactly(
                tuple("model-cards/" + modelId + "-v1.pdf", "application/pdf"),
                tuple("model-cards/" + modelId + "-v1.json", "application/json"),
                tuple("model-cards/" + modelId + "-v1-revisions.json", "application/json"));
        assertThat(pdfText(files.get(0).content())).contains("Model card: Claims triage", "Approved");
        JsonNode card = JSON.readTree(files.get(1).content());
        assertThat(card.path("status").asText()).isEqualTo("Approved");
        assertThat(card.path("content").path("model_overview").path("model_name").asText()).isEqualTo(modelId);
        JsonNode history = JSON.readTree(files.get(2).content());
        JsonNode apiRevisions = compliance.get("/api/models/" + modelId + "/versions/1/card/revisions").json();
        assertThat(history.path("revisions")).hasSize(apiRevisions.size());
        assertThat(history.path("revisions").get(0).path("content").path("model_overview").isObject()).isTrue();
    }

    private String approvedModel() {
        String modelId = "CARD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        driver.registerApprovedModel(owner, modelId, modelId.toLowerCase() + "-endpoint");
        return modelId;
    }

    private JsonNode card(String modelId, int version, int revision) {
        Api.Response response = compliance.get("/api/models/" + modelId + "/versions/" + version + "/card?revision="
                + revision);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static int revisionWithStatus(JsonNode revisions, String status) {
        for (JsonNode r : revisions) {
            if (r.path("status").asText().equals(status)) {
                return r.path("revision").asInt();
            }
        }
        throw new AssertionError("no revision " + status + " in " + revisions);
    }

    /** A page's bytes (the PDF) as a person logged in on ModelGov's login form, as a browser would fetch it. */
    private HttpResponse<byte[]> getBytes(String path, String user) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            String login = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                    .matcher(login);
            String form = "username=" + user + "&password=demo" + (csrf.find() ? "&_csrf="
                    + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
            http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            return http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
