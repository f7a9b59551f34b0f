package org.modelgov.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/models/{id}/exercises as every role: incident responders, governance administrators and the model's own
 * owner start one; everyone else gets 403 and nothing changes; bad input is 400 with nothing saved. The schedule's
 * and the fault experiment's processes cannot be started or fired through the engine's REST API by a non-administrator.
 */
@ModelGovIntegrationTest
class ExerciseApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    private String modelOwner;
    private String model;

    @BeforeEach
    void setUp() {
        modelOwner = TestUsers.ensure(identity, "exercise-api-owner", "model-owners");
        model = "EXA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response created = Api.as(port, "owner", "demo").post("/api/models", "{\"id\": \"" + model + "\","
                + " \"name\": \"Churn\", \"purpose\": \"Predicts churn\", \"owner\": \"" + modelOwner + "\","
                + " \"ownerTeam\": \"Retention\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private long exercisesOf(String modelId) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.exercise WHERE model_id = ?").param(modelId).query(Long.class)
                .single();
    }

    private long incidentsOf(String modelId) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.incident WHERE model_id = ?").param(modelId).query(Long.class)
                .single();
    }

    @Test
    void respondersAdministratorsAndTheModelsOwnerStartAnExercise() {
        Api.Response byResponder = Api.as(port, "responder", "demo").post("/api/models/" + model + "/exercises",
                "{\"scenario\": \"data-leak\"}");
        assertThat(byResponder.status()).as(byResponder.body()).isEqualTo(201);
        JsonNode exercise = byResponder.json();
        assertThat(exercise.path("scenarioId").asText()).isEqualTo("data-leak");
        assertThat(exercise.path("source").asText()).isEqualTo("API");
        assertThat(exercise.path("startedBy").asText()).isEqualTo("responder");
        assertThat(exercise.path("team").asText()).isEqualTo("Retention");
        assertThat(exercise.path("incidentId").asText()).startsWith("INC-");
        assertThat(byResponder.location()).endsWith("/api/exercises/" + exercise.path("id").asText());

        Api.Response byOwner = Api.as(port, modelOwner, TestUsers.PASSWORD).post("/api/models/" + model
                + "/exercises", "");
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(201);
        assertThat(byOwner.json().path("scenarioId").asText()).as("no scenario named: the rotation's next")
                .isEqualTo("drift");
        Api.Response byAdmin = Api.as(port, "admin", "demo").post("/api/models/" + model + "/exercises", "{}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        assertThat(byAdmin.json().path("scenarioId").asText()).isEqualTo("bias-complaint");
        assertThat(exercisesOf(model)).isEqualTo(3);
        assertThat(incidentsOf(model)).isEqualTo(3);

        Api.Response one = Api.as(port, "compliance", "demo").get("/api/exercises/" + exercise.path("id").asText());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("incidentId").asText()).isEqualTo(exercise.path("incidentId").asText());
        assertThat(Api.as(port, "validator", "demo").get("/api/exercises/scenarios").json()).hasSize(6);
    }

    @Test
    void everyoneElseIsRefusedAndNothingChanges() {
        for (String user : List.of("owner", "risk", "validator", "ethics", "business", "approver1", "compliance")) {
            Api.Response refused = Api.as(port, user, "demo").post("/api/models/" + model + "/exercises",
                    "{\"scenario\": \"outage\"}");
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).post("/api/models/" + model + "/exercises", "{}").status()).isEqualTo(401);
        assertThat(exercisesOf(model)).isZero();
        assertThat(incidentsOf(model)).isZero();
    }

    @Test
    void badInputIsRefusedWithWhatWasWrongAndNothingSaved() {
        Api responder = Api.as(port, "responder", "demo");
        Api.Response unknownScenario = responder.post("/api/models/" + model + "/exercises", "{\"scenario\": \"fire\"}");
        assertThat(unknownScenario.status()).isEqualTo(400);
        assertThat(unknownScenario.invalidFields()).containsExactly("scenario");
        assertThat(unknownScenario.body()).contains("no scenario 'fire'").contains("outage");
        Api.Response unknownField = responder.post("/api/models/" + model + "/exercises", "{\"template\": \"EXT1\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.invalidFields()).containsExactly("template");
        assertThat(responder.post("/api/models/NO-SUCH-MODEL/exercises", "{}").status()).isEqualTo(404);
        assertThat(responder.get("/api/exercises?limit=0").status()).isEqualTo(400);
        assertThat(responder.get("/api/exercises/trend?quarters=99").status()).isEqualTo(400);
        assertThat(exercisesOf(model)).isZero();
        assertThat(incidentsOf(model)).isZero();
    }

    @Test
    void theExerciseProcessesCannotBeStartedOrFiredThroughTheEngineByNonAdministrators() {
        long schedules = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ExerciseScheduleProcess").count();
        for (String user : List.of("responder", "owner", "risk")) {
            Api api = Api.as(port, user, "demo");
            for (String key : List.of("ExerciseScheduleProcess", "ExerciseFaultProcess")) {
                Api.Response start = api.post("/engine-rest/process-definition/key/" + key + "/start",
                        "{\"businessKey\": \"EX-FAKE\"}");
                assertThat(start.status()).as(user + " starts " + key + ": " + start.body()).isEqualTo(403);
            }
            String timer = engine.getManagementService().createJobQuery().timers()
                    .processDefinitionKey("ExerciseScheduleProcess").singleResult().getId();
            Api.Response fire = api.post("/engine-rest/job/" + timer + "/execute", "");
            assertThat(fire.status()).as(user + " fires the schedule: " + fire.body()).isIn(403, 404);
        }
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ExerciseScheduleProcess").count()).isEqualTo(schedules);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ExerciseFaultProcess").processInstanceBusinessKey("EX-FAKE").count()).isZero();
    }
}
