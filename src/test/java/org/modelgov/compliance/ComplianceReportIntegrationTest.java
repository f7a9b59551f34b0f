package org.modelgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.modelgov.export.ExportFile;
import org.modelgov.inventory.InventoryService;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The compliance report of a HIGH model walked through its lifecycle: gaps close as evidence appears, an overdue
 * review shows as overdue, rules out of scope say why; the scope API's refusals; the PDF and the export part.
 */
@ModelGovIntegrationTest
class ComplianceReportIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    InventoryService inventory;
    @Autowired
    ComplianceDocuments documents;
    @Autowired
    ComplianceService compliance;

    private LifecycleDriver driver;
    private Api owner;
    private Api officer;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        officer = Api.as(port, "compliance", "demo");
    }

    @Test
    void aHighModelsGapsCloseAsItsEvidenceAppearsAndALapsedReviewIsOverdue() throws IOException {
        String modelId = "CMP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String versionId = driver.registerCreditVersion(owner, modelId, "Credit limit", "Sets credit limits");

        JsonNode registered = report(modelId);
        assertThat(registered.path("riskTier").asText()).isEqualTo("UNASSESSED");
        assertThat(item(registered, "EU-AIA-ART6").path("status").asText()).isEqualTo("MISSING");
        assertThat(item(registered, "EU-AIA-ART9").path("reason").asText())
                .isEqualTo("applies to HIGH models; this model's risk tier is not confirmed yet");

        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", new HashMap<>(Map.of(
                "useArea", "ESSENTIAL_SERVICES", "prohibitedPractice", false, "decidesAboutIndividuals", true,
                "humanOversight", "HUMAN_REVIEWS", "personalData", "PERSONAL", "scale", "LARGE")));
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "HIGH"));
        driver.complete(versionId, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        driver.complete(versionId, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        driver.complete(versionId, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
        driver.complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));

        JsonNode before = report(modelId);
        assertThat(before.path("riskTier").asText()).isEqualTo("HIGH");
        assertThat(before.path("useArea").asText()).isEqualTo("ESSENTIAL_SERVICES");
        assertThat(item(before, "EU-AIA-ART6").path("status").asText()).isEqualTo("MET");
        JsonNode conformity = item(before, "EU-AIA-ART43");
        assertThat(conformity.path("status").asText()).isEqualTo("MISSING");
        assertThat(evidence(conformity, "decision:SIGN_OFF").path("detail").asText())
                .isEqualTo("1 of 2 sign-offs (by approver1)");
        assertThat(evidence(conformity, "audit:MODEL_VERSION_APPROVED").path("status").asText()).isEqualTo("MISSING");
        assertThat(item(before, "EU-AIA-ART9").path("reason").asText()).contains("no reassessment scheduled");
        assertThat(gapIds(before)).contains("EU-AIA-ART43", "EU-AIA-ART9", "GOVERN-1", "A.6.2.5");
        // technical validation scanned the datasets for personal data: Art. 10's data governance is evidenced
        JsonNode dataGovernance = item(before, "EU-AIA-ART10");
        assertThat(dataGovernance.path("status").asText()).isEqualTo("MET");
        assertThat(evidence(dataGovernance, "report:PERSONAL_DATA").path("links").findValuesAsText("href"))
                .anySatisfy(href -> assertThat(href).startsWith("/reports/"));

        driver.complete(versionId, "Task_SignOff", "approver2", Map.of("signOffDecision", "APPROVE"));

        JsonNode after = report(modelId);
        JsonNode approved = item(after, "EU-AIA-ART43");
        assertThat(approved.path("status").asText()).isEqualTo("MET");
        JsonNode signOff = evidence(approved, "decision:SIGN_OFF");
        assertThat(signOff.path("detail").asText()).isEqualTo("signed off by approver1, approver2");
        assertThat(signOff.path("links").findValuesAsText("href")).contains("/models/" + modelId + "#decisions");
        assertThat(evidence(approved, "audit:MODEL_VERSION_APPROVED").path("links").findValuesAsText("href"))
                .contains("/audit?modelId=" + modelId + "&action=MODEL_VERSION_APPROVED");
        assertThat(item(after, "EU-AIA-ART9").path("status").asText()).isEqualTo("MET");
        assertThat(gapIds(after)).doesNotContain("EU-AIA-ART43", "EU-AIA-ART9", "GOVERN-1", "A.6.2.5");
        assertThat(after.path("summary").path("met").asInt()).isGreaterThan(before.path("summary").path("met").asInt());
        // the bias report behind the ethics findings is linked by its page
        JsonNode bias = evidence(item(after, "MAP-5"), "report:BIAS");
        assertThat(bias.path("status").asText()).isEqualTo("MET");
        assertThat(bias.path("links").get(0).path("href").asText()).startsWith("/reports/");
        assertThat(owner.get(bias.path("links").get(0).path("href").asText().replace("/reports/", "/api/reports/"))
                .status()).isEqualTo(200);
        // a real gap the lifecycle leaves: the owner never wrote the intended use, so the card lacks it
        assertThat(item(after, "EU-AIA-ART13").path("reason").asText())
                .contains("card:intended_uses.intended_uses", "has no intended_uses.intended_uses");
        // out of scope by default, with the reason
        assertThat(item(after, "LL144-BIAS-AUDIT").path("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(item(after, "LL144-BIAS-AUDIT").path("reason").asText())
                .isEqualTo("the model is not scoped to NYC employment use (default scope: no compliance officer has set it)");
        assertGapsFirst(after);

        // the review lapses: overdue, and listed first
        inventory.scheduleReview(versionId, LocalDate.now(ZoneOffset.UTC).minusDays(2), "risk");
        JsonNode lapsed = report(modelId);
        JsonNode art9 = item(lapsed, "EU-AIA-ART9");
        assertThat(art9.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(art9.path("reason").asText()).contains("reassessment was due "
                + LocalDate.now(ZoneOffset.UTC).minusDays(2));
        assertThat(lapsed.path("requirements").get(0).path("status").asText()).isEqualTo("OVERDUE");
        assertGapsFirst(lapsed);

        // the PDF says the same
        byte[] pdf = documents.pdf(compliance.report(modelId), "http://modelgov.example");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // table cells wrap lines; compare words
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Compliance report: Credit limit", "EU-AIA-ART43",
                    "Conformity assessment and approval before the system is put into service", "OVERDUE", "MET",
                    "NOT APPLICABLE", "reassessment was due", "signed off by approver1, approver2", "eu-ai-act.yaml");
        }
        // and the auditor's export gets both
        List<ExportFile> files = documents.filesFor(modelId);
        assertThat(files).extracting(ExportFile::path)
                .containsExactly("compliance/compliance-report.json", "compliance/compliance-report.pdf");
        JsonNode exported = new ObjectMapper().readTree(files.get(0).content());
        assertThat(exported.path("modelId").asText()).isEqualTo(modelId);
        assertThat(item(exported, "EU-AIA-ART9").path("status").asText()).isEqualTo("OVERDUE");
        assertThat(new String(files.get(1).content(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void theReportNamesTheFrameworkFilesItUsedAndAnyoneLoggedInReadsIt() {
        String modelId = registerBareModel();
        JsonNode report = report(modelId);
        assertThat(report.path("modelId").asText()).isEqualTo(modelId);
        assertThat(report.path("asOf").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(report.path("versionNumber").isNull()).isTrue();
        assertThat(report.path("frameworks")).hasSize(5);
        for (JsonNode f : report.path("frameworks")) {
            assertThat(f.path("sha256").asText()).hasSize(64);
            assertThat(f.path("fileVersion").asText()).isNotBlank();
            assertThat(f.path("file").asText()).endsWith(".yaml");
        }
        JsonNode first = report.path("requirements").get(0);
        assertThat(first.fieldNames()).toIterable().contains("frameworkId", "requirementId", "title", "reference",
                "status", "reason", "evidence");
        assertThat(report.path("scope").path("decided").asBoolean()).isFalse();
        assertThat(report.path("scope").path("eu").asBoolean()).isTrue();
        for (String user : List.of("owner", "validator", "responder", "business")) {
            assertThat(Api.as(port, user, "demo").get("/api/models/" + modelId + "/compliance-report").status())
                    .as(user).isEqualTo(200);
        }
        assertThat(Api.anonymous(port).get("/api/models/" + modelId + "/compliance-report").status()).isEqualTo(401);
        assertThat(officer.get("/api/models/NO-SUCH-MODEL/compliance-report").status()).isEqualTo(404);

        // a model with no version yet still renders as a page and as the export's files
        String html = WebappSession.logIn(port, "owner", "demo").page("/models/" + modelId + "/compliance");
        assertThat(html).contains("no version registered", "not answered yet", "id=\"requirements\"")
                .doesNotContain("id=\"scope-form\"");
        assertThat(documents.filesFor(modelId)).extracting(f -> new String(f.content(), 0, 1)).containsExactly("{", "%");
    }

    @Test
    void onlyComplianceOfficersAndAdminsSetTheScopeWhichIsCheckedAndAudited() {
        String modelId = registerBareModel();
        String scopePath = "/api/models/" + modelId + "/compliance-scope";
        String valid = "{\"eu\": true, \"nycEmployment\": true, \"usBank\": false, \"note\": \"Screens NYC applicants\"}";

        for (String user : List.of("owner", "risk", "approver1", "validator")) {
            Api.Response refused = Api.as(port, user, "demo").send("PUT", scopePath, valid, "application/json");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body()).contains("compliance officers and governance administrators");
        }
        assertThat(owner.send("PUT", scopePath, "{\"eu\": \"yes\"}", "application/json").status())
                .as("a refusal says 403 before it reads the fields").isEqualTo(403);
        assertThat(officer.get(scopePath).json().path("decided").asBoolean()).as("nothing changed").isFalse();
        assertThat(auditActions(modelId)).doesNotContain("COMPLIANCE_SCOPE_CHANGED");

        Api.Response bad = officer.send("PUT", scopePath, "{\"eu\": \"yes\", \"nycEmployment\": true, \"colour\": 1,"
                + " \"note\": 5}", "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.invalidFields()).containsExactlyInAnyOrder("colour", "eu", "usBank", "note");
        Api.Response notJson = officer.send("PUT", scopePath, "[true]", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.invalidFields()).containsExactly("body");
        Api.Response longNote = officer.send("PUT", scopePath, "{\"eu\": true, \"nycEmployment\": true, \"usBank\": false,"
                + " \"note\": \"" + "x".repeat(2001) + "\"}", "application/json");
        assertThat(longNote.invalidFields()).containsExactly("note");
        assertThat(officer.send("PUT", "/api/models/NO-SUCH-MODEL/compliance-scope", valid, "application/json")
                .status()).isEqualTo(404);
        assertThat(officer.get(scopePath).json().path("decided").asBoolean()).isFalse();
        assertThat(report(modelId).path("requirements").findValuesAsText("requirementId")).contains("LL144-BIAS-AUDIT");
        assertThat(item(report(modelId), "LL144-BIAS-AUDIT").path("status").asText()).isEqualTo("NOT_APPLICABLE");

        Api.Response saved = officer.send("PUT", scopePath, valid, "application/json");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("nycEmployment").asBoolean()).isTrue();
        assertThat(saved.json().path("updatedBy").asText()).isEqualTo("compliance");
        JsonNode scoped = report(modelId);
        assertThat(scoped.path("scope").path("decided").asBoolean()).isTrue();
        assertThat(item(scoped, "LL144-BIAS-AUDIT").path("status").asText()).isEqualTo("MISSING");
        JsonNode events = officer.get("/api/audit?modelId=" + modelId + "&action=COMPLIANCE_SCOPE_CHANGED").json();
        assertThat(events.toString()).contains("\"compliance\"", "Screens NYC applicants", "nycEmployment");

        Api admin = Api.as(port, "admin", "demo");
        assertThat(admin.send("PUT", scopePath, "{\"eu\": false, \"nycEmployment\": false, \"usBank\": true}",
                "application/json").status()).isEqualTo(200);
        JsonNode bank = report(modelId);
        assertThat(item(bank, "MRM-VALIDATION").path("status").asText()).isEqualTo("MISSING");
        assertThat(item(bank, "EU-AIA-ART6").path("reason").asText())
                .isEqualTo("the model is not scoped to the EU (compliance scope set by admin)");
    }

    private String registerBareModel() {
        String modelId = "CMS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response created = owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Applicant screen\","
                + " \"purpose\": \"Ranks job applicants\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return modelId;
    }

    private List<String> auditActions(String modelId) {
        return officer.get("/api/audit?modelId=" + modelId).json().findValuesAsText("action");
    }

    private JsonNode report(String modelId) {
        Api.Response response = officer.get("/api/models/" + modelId + "/compliance-report");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode item(JsonNode report, String requirementId) {
        for (JsonNode i : report.path("requirements")) {
            if (i.path("requirementId").asText().equals(requirementId)) {
                return i;
            }
        }
        throw new AssertionError("no requirement " + requirementId);
    }

    private static JsonNode evidence(JsonNode item, String ref) {
        for (JsonNode e : item.path("evidence")) {
            if (e.path("ref").asText().equals(ref)) {
                return e;
            }
        }
        throw new AssertionError("no evidence " + ref + " in " + item);
    }

    private static List<String> gapIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        for (JsonNode i : report.path("requirements")) {
            String status = i.path("status").asText();
            if (status.equals("MISSING") || status.equals("OVERDUE")) {
                ids.add(i.path("requirementId").asText());
            }
        }
        return ids;
    }

    private static void assertGapsFirst(JsonNode report) {
        List<String> order = List.of("OVERDUE", "MISSING", "MET", "NOT_APPLICABLE");
        List<Integer> ranks = new ArrayList<>();
        report.path("requirements").forEach(i -> ranks.add(order.indexOf(i.path("status").asText())));
        assertThat(ranks).doesNotContain(-1).isSorted();
    }
}
