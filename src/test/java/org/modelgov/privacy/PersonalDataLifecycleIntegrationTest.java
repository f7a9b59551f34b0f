package org.modelgov.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15's personal-data scan in the lifecycle and the API: undeclared personal data fails technical validation
 * with a finding that names column and detector and no value; declared, it passes; the risk officer sees
 * special-category data; on-demand scans are refused to the wrong people and change nothing then.
 */
@ModelGovIntegrationTest
class PersonalDataLifecycleIntegrationTest {

    private static final String EMAIL_DOMAIN = "@customers.example.org";
    private static final String DIAGNOSIS = "Type 2 diabetes";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    private Api owner;
    private LifecycleDriver driver;
    private String modelId;
    private final List<Path> written = new ArrayList<>();

    @BeforeEach
    void aModel() {
        owner = Api.as(port, "owner", "demo");
        driver = new LifecycleDriver(engine);
        modelId = "PII-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Personal data model\","
                + " \"purpose\": \"Scores loan applications\"}").status()).isEqualTo(201);
    }

    @AfterEach
    void removeFiles() throws IOException {
        for (Path p : written) {
            Files.deleteIfExists(p);
        }
    }

    @Test
    void undeclaredEmailsFailTechnicalValidationNamingColumnAndDetectorAndNoValue() throws IOException {
        String versionId = register(withColumn("contact_email", i -> "applicant" + i + EMAIL_DOMAIN));
        answer(versionId, "NONE");
        Map<String, Object> review = engine.getTaskService().getVariablesLocal(
                driver.task(versionId, "Task_ReviewRiskTier").getId());
        assertThat((String) review.get("personalDataScan")).contains("No special-category data found",
                "contact\\_email", "e\\-mail address").doesNotContain(EMAIL_DOMAIN);
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "LOW"));
        driver.runJobs();

        assertThat(driver.hasTask(versionId, "Task_ReviewTechnicalValidation")).as("no reviewer asked").isFalse();
        assertThat(driver.hasTask(versionId, "Task_RemediateFindings")).as("back to the owner").isTrue();
        List<Finding> findings = personalDataFindings(versionId);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).level()).isEqualTo("FAIL");
        assertThat(findings.get(0).message()).contains("column 'contact_email'", "(EMAIL)", "2000 rows (100.0%)",
                "declared NONE", "the risk questionnaire declared none");
        assertThat(findings.get(0).reportId()).isNotNull();

        String report = Api.as(port, "compliance", "demo").get("/api/reports/" + findings.get(0).reportId()).body();
        assertThat(report).contains("\"PERSONAL_DATA\"", "contact_email");
        String page = WebappSession.logIn(port, "compliance", "demo").page("/reports/" + findings.get(0).reportId());
        assertThat(page).contains("Personal-data report", "contact_email", "e-mail address");
        String everything = String.join("\n", jdbc.sql("SELECT message FROM modelgov.check_finding f"
                        + " JOIN modelgov.check_run r ON r.id = f.run_id WHERE r.version_id = ?").param(versionId)
                .query(String.class).list())
                + jdbc.sql("SELECT report FROM modelgov.evidence_report WHERE model_id = ?").param(modelId)
                .query(String.class).list()
                + engine.getRuntimeService().getVariables(driver.task(versionId, "Task_RemediateFindings")
                .getProcessInstanceId())
                + engine.getTaskService().getVariablesLocal(driver.task(versionId, "Task_RemediateFindings").getId())
                + jdbc.sql("SELECT subject || body FROM modelgov.notification_outbox WHERE model_id = ?")
                .param(modelId).query(String.class).list()
                + owner.get("/api/audit?modelId=" + modelId).body() + report + page;
        assertThat(everything).contains("contact_email").doesNotContain(EMAIL_DOMAIN, "applicant1");
    }

    @Test
    void theSameDataDeclaredPersonalPassesThePersonalDataCheck() throws IOException {
        String versionId = register(withColumn("contact_email", i -> "applicant" + i + EMAIL_DOMAIN));
        answer(versionId, "PERSONAL");
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "LOW"));
        driver.runJobs();

        List<Finding> findings = personalDataFindings(versionId);
        assertThat(findings).extracting(Finding::level).containsExactly("PASS");
        assertThat(findings.get(0).message()).contains("column 'contact_email'", "(EMAIL)", "declared PERSONAL");
        assertThat(driver.hasTask(versionId, "Task_ReviewTechnicalValidation")).as("reviewers asked").isTrue();
    }

    @Test
    void theRiskOfficerSeesSpecialCategoryDataAndUndeclaredItFailsValidation() throws IOException {
        String versionId = register(withColumn("diagnosis", i -> i % 2 == 0 ? DIAGNOSIS : "Asthma"));
        answer(versionId, "PERSONAL");
        var riskReview = driver.task(versionId, "Task_ReviewRiskTier");
        String shown = (String) engine.getTaskService().getVariablesLocal(riskReview.getId()).get("personalDataScan");
        assertThat(shown).contains("**Special-category data found** (GDPR Art. 9)", "column 'diagnosis'",
                "health, 2000 rows, by header and values", "/reports/").doesNotContain(DIAGNOSIS, "Asthma");
        assertThat(riskReview.getDescription()).contains("personal-data scan");

        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "LOW"));
        driver.runJobs();
        List<Finding> findings = personalDataFindings(versionId);
        assertThat(findings).extracting(Finding::level).containsExactly("FAIL");
        assertThat(findings.get(0).message()).contains("column 'diagnosis'", "(HEALTH)", "declared only personal data");
        assertThat(driver.hasTask(versionId, "Task_RemediateFindings")).isTrue();
    }

    @Test
    void anOnDemandScanIsStoredAuditedAndRefusedToOthersWithNothingStored() throws IOException {
        String versionId = register(withColumn("contact_email", i -> "applicant" + i + EMAIL_DOMAIN));
        String path = "/api/models/" + modelId + "/versions/1/personal-data-scans";
        long reportsBefore = reports();

        for (String user : List.of("ethics", "business", "approver1", "responder")) {
            Api.Response refused = Api.as(port, user, "demo").post(path, "");
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
        }
        Api.Response missingModel = Api.as(port, "validator", "demo")
                .post("/api/models/NO-SUCH-MODEL/versions/1/personal-data-scans", "");
        assertThat(missingModel.status()).isEqualTo(404);
        Api.Response missingVersion = Api.as(port, "validator", "demo")
                .post("/api/models/" + modelId + "/versions/9/personal-data-scans", "");
        assertThat(missingVersion.status()).isEqualTo(404);
        Api.Response badNumber = Api.as(port, "validator", "demo")
                .post("/api/models/" + modelId + "/versions/one/personal-data-scans", "");
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.invalidFields()).containsExactly("number");
        // a model owner who is not this model's owner
        String otherModel = "PII-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api admin = Api.as(port, "admin", "demo");
        assertThat(admin.post("/api/models", "{\"id\": \"" + otherModel + "\", \"name\": \"Someone else's model\","
                + " \"purpose\": \"Scores loan applications\", \"owner\": \"approver2\"}").status()).isEqualTo(201);
        String otherData = withColumn("contact_email", i -> "applicant" + i + EMAIL_DOMAIN);
        assertThat(admin.post("/api/models/" + otherModel + "/versions", "{\"evaluationDatasetUri\": \"" + otherData
                + "\", \"analysisConfigUri\": \"" + LifecycleDriver.demoFile("analysis-config.json") + "\"}").status())
                .isEqualTo(201);
        Api.Response notTheirs = owner.post("/api/models/" + otherModel + "/versions/1/personal-data-scans", "");
        assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(403);
        assertThat(notTheirs.body()).contains("is not one of " + otherModel + "'s people");
        assertThat(reports()).as("no refusal stored a report").isEqualTo(reportsBefore);
        assertThat(scansAudited(versionId)).isZero();

        for (String user : List.of("validator", "owner", "compliance", "risk")) {
            Api.Response scanned = Api.as(port, user, "demo").post(path, "");
            assertThat(scanned.status()).as(user + ": " + scanned.body()).isEqualTo(201);
            assertThat(scanned.location()).matches(".*/api/reports/[0-9a-f-]{36}");
            JsonNode body = scanned.json();
            assertThat(body.path("found").asText()).isEqualTo("PERSONAL");
            assertThat(body.path("createdBy").asText()).isEqualTo(user);
            JsonNode finding = body.path("report").path("datasets").get(0).path("findings").get(0);
            assertThat(finding.path("column").asText()).isEqualTo("contact_email");
            assertThat(finding.path("detector").asText()).isEqualTo("EMAIL");
            assertThat(finding.path("rows").asLong()).isEqualTo(2000);
            assertThat(scanned.body()).doesNotContain(EMAIL_DOMAIN);
            assertThat(Api.as(port, "business", "demo").get(scanned.location()).status()).isEqualTo(200);
        }
        assertThat(scansAudited(versionId)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE action = 'PERSONAL_DATA_SCANNED'"
                + " AND entity_id = ? AND actor = 'compliance'").param(versionId).query(Long.class).single()).isOne();
    }

    @Test
    void anUploadedFileIsScannedAndNoValueComesBack() {
        String csv = PersonalDataScanTestData.mixed();
        Api validator = Api.as(port, "validator", "demo");
        Api.Response created = validator.multipart("/api/reports/personal-data",
                Api.Part.file("data", "customers.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json().path("report");
        assertThat(report.path("found").asText()).isEqualTo("SPECIAL_CATEGORY");
        assertThat(report.path("datasets").get(0).path("file").asText()).isEqualTo("customers.csv");
        String page = WebappSession.logIn(port, "validator", "demo")
                .page(created.location().replace("/api/reports/", "/reports/"));
        assertThat(page).contains("Special-category data (GDPR Art. 9) found", "date_of_birth");
        for (String value : PersonalDataScanTestData.PLANTED) {
            assertThat(created.body()).doesNotContain(value);
            assertThat(page).doesNotContain(value);
        }

        Api.Response wrongPart = validator.multipart("/api/reports/personal-data",
                Api.Part.file("config", "x.json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrongPart.status()).isEqualTo(400);
        assertThat(wrongPart.invalidFields()).contains("data");
        Api.Response malformed = validator.multipart("/api/reports/personal-data",
                Api.Part.file("data", "bad.csv", "email,phone\njane.doe@example.org\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("row 2").doesNotContain("jane.doe");
        assertThat(Api.as(port, "business", "demo").multipart("/api/reports/personal-data",
                Api.Part.file("data", "customers.csv", csv.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(403);
    }

    // ---- helpers ----

    record Finding(String level, String message, String reportId) {
    }

    private List<Finding> personalDataFindings(String versionId) {
        return jdbc.sql("SELECT f.level, f.message, f.evidence_report_id FROM modelgov.check_finding f"
                        + " JOIN modelgov.check_run r ON r.id = f.run_id WHERE r.version_id = ?"
                        + " AND f.check_name = 'PERSONAL_DATA' ORDER BY f.finding_no").param(versionId)
                .query((rs, n) -> new Finding(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private long reports() {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.evidence_report WHERE kind = 'PERSONAL_DATA'")
                .query(Long.class).single();
    }

    private long scansAudited(String versionId) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE action = 'PERSONAL_DATA_SCANNED'"
                + " AND entity_id = ?").param(versionId).query(Long.class).single();
    }

    private void answer(String versionId, String personalData) {
        driver.runJobs();
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", false, "humanOversight", "HUMAN_DECIDES",
                "personalData", personalData, "scale", "SMALL"));
    }

    private String register(String evaluationUri) {
        Api.Response created = owner.post("/api/models/" + modelId + "/versions", "{\"evaluationDatasetUri\": \""
                + evaluationUri + "\", \"analysisConfigUri\": \"" + LifecycleDriver.demoFile("analysis-config.json")
                + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** The demo evaluation data with one more column. */
    private String withColumn(String header, java.util.function.IntFunction<String> value) throws IOException {
        Path demo = Path.of(LifecycleDriver.demoFile("evaluation.csv").substring("file:".length()));
        List<String> lines = Files.readAllLines(demo);
        StringBuilder csv = new StringBuilder(lines.get(0)).append(',').append(header).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                csv.append(lines.get(i)).append(',').append(value.apply(i)).append('\n');
            }
        }
        Path file = demo.getParent().resolve("pii-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, csv.toString());
        written.add(file);
        return file.toUri().toString();
    }
}
