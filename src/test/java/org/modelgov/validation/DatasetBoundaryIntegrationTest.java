package org.modelgov.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11's data boundary: ModelGov reads datasets only under its dataset folders, checks at registration what
 * validation will need, sends a round whose automated checks fail straight back to the owner, and never shows a
 * dataset's content (other than its column names and the metrics computed from it).
 */
@ModelGovIntegrationTest
class DatasetBoundaryIntegrationTest {

    /** A value that must never leave the file it is in. */
    private static final String SECRET = "-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ValidationService validation;

    private Api owner;
    private LifecycleDriver driver;
    private String modelId;
    private Path root;

    @BeforeEach
    void aModelWithoutVersions() throws IOException {
        owner = Api.as(port, "owner", "demo");
        driver = new LifecycleDriver(engine);
        // the dataset folder the tests configure (modelgov.datasets.roots)
        root = Path.of(LifecycleDriver.demoFile("evaluation.csv").substring("file:".length())).getParent();
        modelId = "DATA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Data boundary model\","
                + " \"purpose\": \"Scores loan applications\"}").status()).isEqualTo(201);
    }

    @Test
    void filesOutsideTheDatasetFoldersAreRefusedAtRegistrationNamingTheFolders() throws IOException {
        Path link = root.resolve("link-" + UUID.randomUUID() + ".csv");
        Files.createSymbolicLink(link, Path.of("/etc/passwd"));
        try {
            for (String outside : List.of("file:/etc/shells", "file:/etc/passwd",
                    root.toUri() + "../../../etc/passwd", link.toUri().toString(), "file://evil.example/share/x.csv",
                    "http://example.com/x.csv")) {
                Api.Response refused = register(outside, LifecycleDriver.demoFile("analysis-config.json"));
                assertThat(refused.status()).as(outside + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.invalidFields()).as(outside).containsExactly("evaluationDatasetUri");
                assertThat(refused.body()).doesNotContain("root:x:0:0", "/bin/bash");
            }
            Api.Response outside = register("file:/etc/shells", LifecycleDriver.demoFile("analysis-config.json"));
            assertThat(outside.body()).contains("outside the dataset folders", root.toRealPath().toString());
            assertThat(versions()).as("nothing registered").isZero();
        } finally {
            Files.deleteIfExists(link);
        }
    }

    @Test
    void aTypoAMissingColumnOrABrokenConfigIsA400OnItsFieldAndNothingIsRegistered() throws IOException {
        Api.Response typo = register(root.toUri() + "evalution.csv", LifecycleDriver.demoFile("analysis-config.json"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.invalidFields()).containsExactly("evaluationDatasetUri");
        assertThat(typo.body()).contains("names no file");

        Path noLabel = write("no-label.csv", "age,sex,income,predicted\n30,Female,1000,1\n");
        Api.Response header = register(noLabel.toUri().toString(), LifecycleDriver.demoFile("analysis-config.json"));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.body()).contains("has no column 'approved' (the analysis config's label)")
                .doesNotContain("income");

        Path notJson = write("config-" + UUID.randomUUID() + ".json", SECRET + "\n");
        Api.Response config = register(LifecycleDriver.demoFile("evaluation.csv"), notJson.toUri().toString());
        assertThat(config.status()).isEqualTo(400);
        assertThat(config.invalidFields()).containsExactly("analysisConfigUri");
        assertThat(config.body()).contains("is not valid JSON").doesNotContain(SECRET);
        assertThat(versions()).as("nothing registered").isZero();

        // the Tasklist start form is checked the same way
        Api.Response started = owner.post("/engine-rest/process-definition/key/ModelLifecycleProcess/submit-form",
                "{\"variables\": {\"modelId\": {\"value\": \"" + modelId + "\"}, \"evaluationDatasetUri\": {\"value\":"
                        + " \"file:/etc/shells\"}, \"analysisConfigUri\": {\"value\": \""
                        + LifecycleDriver.demoFile("analysis-config.json") + "\"}}}");
        assertThat(started.status()).as(started.body()).isEqualTo(400);
        assertThat(started.body()).contains("evaluationDatasetUri", "outside the dataset folders");
        assertThat(versions()).as("nothing registered").isZero();
    }

    @Test
    void aRoundWhoseChecksFailGoesStraightToTheOwnerAndNoFindingQuotesTheData() throws IOException {
        // the age column (a facet with a numeric threshold) holds secrets: the header passes, bias cannot be computed
        StringBuilder csv = new StringBuilder("age,sex,income,debt_ratio,employment_years,approved,predicted\n");
        for (int i = 0; i < 20; i++) {
            csv.append(SECRET).append(i).append(i % 2 == 0 ? ",Female," : ",Male,").append(1000 + i)
                    .append(",0.3,5,").append(i % 2).append(',').append(i % 2).append('\n');
        }
        Path leaky = write("leaky-" + UUID.randomUUID() + ".csv", csv.toString());
        Api.Response created = register(leaky.toUri().toString(), LifecycleDriver.demoFile("analysis-config.json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String versionId = created.json().path("id").asText();
        driver.runJobs();
        driver.complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", false, "humanOversight", "HUMAN_DECIDES",
                "personalData", "NONE", "scale", "SMALL"));
        driver.complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "LOW"));

        assertThat(driver.hasTask(versionId, "Task_ReviewTechnicalValidation")).as("no reviewer asked").isFalse();
        assertThat(driver.hasTask(versionId, "Task_ConfirmBusinessFitness")).isFalse();
        assertThat(driver.hasTask(versionId, "Task_RemediateFindings")).as("straight to the owner").isTrue();
        String everything = String.join("\n",
                jdbc.sql("SELECT message FROM modelgov.check_finding f JOIN modelgov.check_run r ON r.id = f.run_id"
                        + " WHERE r.version_id = ?").param(versionId).query(String.class).list())
                + engine.getRuntimeService().getVariables(driver.task(versionId, "Task_RemediateFindings")
                .getProcessInstanceId())
                + jdbc.sql("SELECT subject || body FROM modelgov.notification_outbox WHERE model_id = ?")
                .param(modelId).query(String.class).list()
                + owner.get("/api/audit?modelId=" + modelId).body();
        assertThat(everything).contains("'age'").doesNotContain(SECRET);

        // a remediation pointing at a file ModelGov may not read is refused when it is submitted
        String remediation = driver.task(versionId, "Task_RemediateFindings").getId();
        Api.Response refused = owner.post("/engine-rest/task/" + remediation + "/complete", "{\"variables\": {"
                + "\"remediationNotes\": {\"value\": \"Fixed the age column\"},"
                + " \"newEvaluationDatasetUri\": {\"value\": \"file:/etc/shells\"}}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("outside the dataset folders");
        assertThat(driver.hasTask(versionId, "Task_RemediateFindings")).as("still open").isTrue();
    }

    @Test
    void aDriftReportListsCategoriesOnlyForTheFeaturesItsConfigNamesAndCapped() {
        StringBuilder reference = new StringBuilder("token,x\n");
        StringBuilder current = new StringBuilder("token,x\n");
        for (int i = 0; i < 120; i++) {
            reference.append(SECRET).append(i).append(',').append(i).append('\n');
            current.append(SECRET).append(i % 60).append(',').append(i + 1).append('\n');
        }
        Api validator = Api.as(port, "validator", "demo");
        Api.Response unnamed = validator.multipart("/api/reports/drift",
                Api.Part.file("reference", "reference.csv", reference.toString()),
                Api.Part.file("current", "current.csv", current.toString()));
        assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(201);
        JsonNode report = validator.get(unnamed.location()).json();
        assertThat(report.toString()).doesNotContain(SECRET).contains("\"category_count\":120");

        Api.Response named = validator.multipart("/api/reports/drift",
                Api.Part.file("reference", "reference.csv", reference.toString()),
                Api.Part.file("current", "current.csv", current.toString()),
                Api.Part.file("config", "drift.json", "{\"features\": [\"token\", \"x\"]}"));
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        JsonNode features = validator.get(named.location()).json().path("report").path("features");
        JsonNode token = features.get(0).path("name").asText().equals("token") ? features.get(0) : features.get(1);
        assertThat(token.path("categories")).hasSize(50);
        assertThat(token.path("categories_truncated").asBoolean()).isTrue();
    }

    private Api.Response register(String evaluation, String config) {
        return owner.post("/api/models/" + modelId + "/versions", "{\"evaluationDatasetUri\": \"" + evaluation
                + "\", \"analysisConfigUri\": \"" + config + "\"}");
    }

    private long versions() {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.model_version WHERE model_id = ?").param(modelId)
                .query(Long.class).single();
    }

    private Path write(String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
