package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, clean errors in the engine REST API: JSON the parser cannot or will not read is a 400 without
 * Jackson's internals, a database failure is a 500 with only a correlation id, Camunda's own 4xx answers stay,
 * and a Tasklist completion with a control character is refused naming the form's label.
 */
@ModelGovIntegrationTest
class EngineRestErrorsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    @Test
    void jsonNestedBeyondTheParsersDepthIsA400() {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        Api.Response response = risk().post("/engine-rest/task/no-such-task/complete",
                "{\"variables\": {\"x\": {\"value\": " + deep + "}}}");
        assertBadJson(response, "exceeds the JSON parser's limits: Document nesting depth (1001) exceeds the maximum"
                + " allowed (1000)");
    }

    @Test
    void aStringBeyondTheParsersLengthIsA400() {
        String huge = "a".repeat(30 * 1024 * 1024);
        Api.Response response = risk().post("/engine-rest/task/no-such-task/complete",
                "{\"variables\": {\"x\": {\"value\": \"" + huge + "\"}}}");
        assertBadJson(response, "exceeds the JSON parser's limits: String value length");
    }

    @Test
    void malformedJsonIsA400() {
        assertBadJson(risk().post("/engine-rest/task/no-such-task/complete", "{\"variables\": {"),
                "is not valid JSON: Unexpected end-of-input");
        assertBadJson(risk().post("/engine-rest/task/no-such-task/complete", "{\"variables\": [1]}"),
                "does not fit this call at 'variables'");
    }

    @Test
    void aDatabaseFailureIsA500WithOnlyACorrelationIdAndCamundas4xxAnswersStay() {
        assertThat(risk().get("/engine-rest/task/no-such-task").json().path("message").asText())
                .isEqualTo("No matching task with id no-such-task");

        jdbc.sql("ALTER TABLE ACT_RU_TASK RENAME TO ACT_RU_TASK_AWAY").update();
        Api.Response failed;
        try {
            failed = risk().get("/engine-rest/task?processInstanceBusinessKey=anything");
        } finally {
            jdbc.sql("ALTER TABLE ACT_RU_TASK_AWAY RENAME TO ACT_RU_TASK").update();
        }
        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(failed.json().path("type").asText()).isEqualTo("InternalError");
        assertThat(failed.json().path("message").asText())
                .matches("internal error \\(correlation id [0-9a-f-]{36}\\)");
        assertThat(failed.body()).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("act_ru_task").doesNotContain("org.").doesNotContain("Exception");
        assertThat(risk().get("/engine-rest/task?processInstanceBusinessKey=anything").status()).isEqualTo(200);
    }

    @Test
    void aControlCharacterInATasklistCompletionIsA400NamingTheFieldsLabelAndTheTaskStaysOpen() {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "CTRL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Loans\","
                + " \"purpose\": \"Approves small loans\"}").status()).isEqualTo(201);
        Api.Response version = owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s"}
                """.formatted(LifecycleDriver.demoFile("evaluation.csv"),
                LifecycleDriver.demoFile("analysis-config.json")));
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        String versionId = version.json().path("id").asText();
        LifecycleDriver driver = new LifecycleDriver(engine);
        driver.runJobs();
        String questionnaire = driver.task(versionId, "Task_AnswerRiskQuestionnaire").getId();
        var before = engine.getTaskService().getVariablesLocal(questionnaire);

        Api.Response refused = owner.post("/engine-rest/task/" + questionnaire + "/complete", """
                {"variables": {"useArea": {"value": "OTHER"}, "prohibitedPractice": {"value": false},
                 "decidesAboutIndividuals": {"value": false}, "humanOversight": {"value": "HUMAN_DECIDES"},
                 "personalData": {"value": "NONE"}, "scale": {"value": "SMALL"},
                 "riskNotes": {"value": "small\\u0000loans"}}}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).isEqualTo("Refused completing 'Answer risk"
                + " questionnaire': 'Notes for the risk officer' must not contain the control character U+0000 (at"
                + " character 6); of those only tab, newline and carriage return are allowed");
        assertThat(driver.hasTask(versionId, "Task_AnswerRiskQuestionnaire")).as("the task stays open").isTrue();
        assertThat(engine.getTaskService().getVariablesLocal(questionnaire)).as("nothing saved")
                .isEqualTo(before);
    }

    private Api risk() {
        return Api.as(port, "risk", "demo");
    }

    private static void assertBadJson(Api.Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(response.json().path("message").asText()).startsWith("The request body " + message);
        assertThat(response.body()).doesNotContain("Source").doesNotContain("`").doesNotContain("org.")
                .doesNotContain("com.fasterxml");
    }
}
