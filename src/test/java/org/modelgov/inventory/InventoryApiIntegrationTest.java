package org.modelgov.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ModelGovIntegrationTest
class InventoryApiIntegrationTest {

    private static final String ARN = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    Api owner;
    Api risk;
    Api validator;

    @BeforeEach
    void users() {
        owner = Api.as(port, "owner", "demo");
        risk = Api.as(port, "risk", "demo");
        validator = Api.as(port, "validator", "demo");
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static String validModel(String id) {
        return """
                {"id": "%s", "name": "Churn predictor", "purpose": "Retention campaigns",
                 "ownerTeam": "Customer Analytics",
                 "deployment": {"endpointName": "churn-prod", "modelPackageArn": "%s"},
                 "intendedUse": "Ranking customers for retention calls",
                 "evaluationDatasetUri": "s3://bucket/eval/churn.csv"}
                """.formatted(id, ARN);
    }

    @Test
    void anonymousCallsAreRefusedWith401AndABasicChallenge() {
        Api.Response response = Api.anonymous(port).get("/api/models");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).startsWith("Basic");
        assertThat(response.json().path("detail").asText()).contains("HTTP Basic");
    }

    @Test
    void wrongPasswordIs401() {
        String victim = TestUsers.ensure(identity, "api-lockout-probe", "model-owners");
        assertThat(Api.as(port, victim, "wrong").get("/api/models").status()).isEqualTo(401);
        assertThat(Api.as(port, "nobody", "demo").get("/api/models").status()).isEqualTo(401);
    }

    @Test
    void ownerRegistersAModelAndEveryoneLoggedInReadsIt() {
        String id = uniqueId("CHURN");
        Api.Response created = owner.post("/api/models", validModel(id));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/models/" + id);
        JsonNode model = created.json();
        assertThat(model.path("id").asText()).isEqualTo(id);
        assertThat(model.path("riskTier").asText()).isEqualTo("UNASSESSED");
        assertThat(model.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(model.path("owner").asText()).as("owner defaults to the registrant").isEqualTo("owner");
        assertThat(model.path("deployment").path("modelPackageArn").asText()).isEqualTo(ARN);
        assertThat(model.path("nextReviewDue").isNull()).isTrue();
        assertThat(model.path("createdAt").asText()).isNotBlank();

        Api.Response read = validator.get("/api/models/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(model);
    }

    @Test
    void badFieldsAre400NamingEveryFieldAndNothingIsSaved() {
        Api.Response response = owner.post("/api/models", """
                {"id": "churn model", "name": "", "purpose": 42, "owner": "no-such-user",
                 "deployment": {"endpointName": "-bad-", "modelPackageArn": "arn:aws:s3:::bucket", "extra": 1},
                 "intendedUse": "x", "evaluationDatasetUri": "ftp://host/file.csv",
                 "riskTier": "LOW", "status": "APPROVED", "colour": "red"}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.invalidFields()).containsExactlyInAnyOrder("id", "name", "purpose", "owner",
                "deployment.endpointName", "deployment.modelPackageArn", "deployment.extra",
                "evaluationDatasetUri", "riskTier", "status", "colour");
        assertThat(response.json().path("title").asText()).isEqualTo("Invalid input");
        assertThat(owner.get("/api/models?q=churn%20model").json().path("totalItems").asLong()).isZero();
    }

    @Test
    void unknownOwnerIsNamed() {
        String id = uniqueId("OWNED");
        Api.Response response = owner.post("/api/models", validModel(id).replace("\"ownerTeam\"",
                "\"owner\": \"ghost\", \"ownerTeam\""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.invalidFields()).containsExactly("owner");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("ghost");
        assertThat(owner.get("/api/models/" + id).status()).isEqualTo(404);
    }

    @Test
    void modelIdRulesAreEnforced() {
        for (String badId : new String[] {"churn-001", "-CHURN", "CHURN--1", "CHURN-", "AB", "1ABC", "CHURN_001",
                "A".repeat(65)}) {
            Api.Response response = owner.post("/api/models", validModel(badId));
            assertThat(response.status()).as(badId).isEqualTo(400);
            assertThat(response.invalidFields()).as(badId).containsExactly("id");
        }
    }

    @Test
    void malformedJsonIs400NeverA500() {
        assertThat(owner.post("/api/models", "{\"id\": ").status()).isEqualTo(400);
        assertThat(owner.post("/api/models", "{\"id\": ").json().path("title").asText()).isEqualTo("Malformed JSON");
        assertThat(owner.post("/api/models", "").status()).isEqualTo(400);
        assertThat(owner.post("/api/models", "[1,2]").invalidFields()).containsExactly("body");
        assertThat(owner.post("/api/models", "null").status()).isEqualTo(400);
        assertThat(owner.post("/api/models", "\"text\"").status()).isEqualTo(400);
        assertThat(owner.send("POST", "/api/models", "id=X", "application/x-www-form-urlencoded").status())
                .isEqualTo(415);
        assertThat(owner.post("/api/models", "{\"deployment\": \"churn-prod\"}").invalidFields())
                .contains("deployment", "id", "name", "purpose");
    }

    @Test
    void existingIdIs409AndTheFirstRegistrationStays() {
        String id = uniqueId("DUP");
        assertThat(owner.post("/api/models", validModel(id)).status()).isEqualTo(201);
        Api.Response again = risk.post("/api/models", validModel(id).replace("Churn predictor", "Other"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains(id);
        assertThat(owner.get("/api/models/" + id).json().path("name").asText()).isEqualTo("Churn predictor");
    }

    @Test
    void unknownModelIs404() {
        assertThat(owner.get("/api/models/NO-SUCH-MODEL").status()).isEqualTo(404);
        assertThat(owner.patch("/api/models/NO-SUCH-MODEL", "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(owner.post("/api/models/NO-SUCH-MODEL/versions", "{}").status()).isEqualTo(404);
        assertThat(owner.get("/api/models/NO-SUCH-MODEL/versions").status()).isEqualTo(404);
    }

    @Test
    void onlyOwnersRiskOfficersAndAdminsMayRegister() {
        String id = uniqueId("ROLE");
        Api.Response refused = validator.post("/api/models", validModel(id));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).contains("model-owners");
        assertThat(Api.as(port, "compliance", "demo").post("/api/models", validModel(id)).status()).isEqualTo(403);
        assertThat(owner.get("/api/models/" + id).status()).isEqualTo(404);
        assertThat(risk.post("/api/models", validModel(id)).status()).isEqualTo(201);
        assertThat(Api.as(port, "admin", "demo").post("/api/models", validModel(uniqueId("ADM"))).status())
                .isEqualTo(201);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndNullClearsOptionalOnes() {
        String id = uniqueId("PATCH");
        JsonNode before = owner.post("/api/models", validModel(id)).json();

        Api.Response patched = owner.patch("/api/models/" + id,
                "{\"name\": \"Churn predictor v2\", \"ownerTeam\": null, \"deployment\": {\"endpointName\": null}}");

        assertThat(patched.status()).isEqualTo(200);
        JsonNode after = patched.json();
        assertThat(after.path("name").asText()).isEqualTo("Churn predictor v2");
        assertThat(after.path("ownerTeam").isNull()).isTrue();
        assertThat(after.path("deployment").path("endpointName").isNull()).isTrue();
        assertThat(after.path("deployment").path("modelPackageArn").asText()).isEqualTo(ARN);
        assertThat(after.path("purpose")).isEqualTo(before.path("purpose"));
        assertThat(after.path("createdAt")).isEqualTo(before.path("createdAt"));
        assertThat(after.path("updatedAt").asText()).isGreaterThanOrEqualTo(before.path("updatedAt").asText());
    }

    @Test
    void badPatchIs400NamingEachFieldAndChangesNothing() {
        String id = uniqueId("BADPATCH");
        JsonNode before = owner.post("/api/models", validModel(id)).json();

        Api.Response response = owner.patch("/api/models/" + id, """
                {"name": null, "purpose": "", "riskTier": "HIGH", "nextReviewDue": "2030-01-01", "id": "OTHER",
                 "deployment": {"modelPackageArn": "not-an-arn"}, "evaluationDatasetUri": 7}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.invalidFields()).containsExactlyInAnyOrder("name", "purpose", "riskTier",
                "nextReviewDue", "id", "deployment.modelPackageArn", "evaluationDatasetUri");
        assertThat(owner.get("/api/models/" + id).json()).isEqualTo(before);
    }

    @Test
    void anOwnerChangesOnlyTheirOwnModelsWhileRiskOfficersChangeAny() {
        TestUsers.ensure(identity, "owner2", "model-owners");
        String id = uniqueId("MINE");
        owner.post("/api/models", validModel(id));

        Api.Response refused = Api.as(port, "owner2", "secret").patch("/api/models/" + id, "{\"name\": \"Hijacked\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(validator.patch("/api/models/" + id, "{\"name\": \"Hijacked\"}").status()).isEqualTo(403);
        assertThat(risk.patch("/api/models/" + id, "{\"owner\": \"owner2\"}").json().path("owner").asText())
                .isEqualTo("owner2");
        assertThat(Api.as(port, "owner2", "secret").patch("/api/models/" + id, "{\"name\": \"Now mine\"}").status())
                .isEqualTo(200);
    }

    @Test
    void versionsAreNumberedInOrderWithUniqueLabels() {
        String id = uniqueId("VERS");
        owner.post("/api/models", validModel(id));

        Api.Response first = owner.post("/api/models/" + id + "/versions",
                "{\"label\": \"1.0.0\", \"modelPackageArn\": \"" + ARN + "\", \"artifactUri\": \"s3://b/model.tar.gz\"}");
        Api.Response second = owner.post("/api/models/" + id + "/versions", "{\"label\": \"1.1.0\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("id").asText()).isEqualTo(id + ":1");
        assertThat(first.json().path("number").asInt()).isEqualTo(1);
        assertThat(first.json().path("status").asText()).isEqualTo("REGISTERED");
        assertThat(first.json().path("registeredBy").asText()).isEqualTo("owner");
        assertThat(second.json().path("number").asInt()).isEqualTo(2);
        assertThat(second.location()).isEqualTo("/api/models/" + id + "/versions/2");
        assertThat(owner.get(second.location()).json().path("label").asText()).isEqualTo("1.1.0");

        Api.Response duplicate = owner.post("/api/models/" + id + "/versions", "{\"label\": \"1.0.0\"}");
        assertThat(duplicate.status()).isEqualTo(409);

        Api.Response bad = owner.post("/api/models/" + id + "/versions",
                "{\"label\": \" spaces \", \"modelPackageArn\": \"x\", \"artifactUri\": \"s3://\", \"number\": 9}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.invalidFields()).containsExactlyInAnyOrder("label", "modelPackageArn", "artifactUri", "number");

        JsonNode versions = validator.get("/api/models/" + id + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("label").asText()).isEqualTo("1.0.0");
        assertThat(owner.get("/api/models/" + id + "/versions/3").status()).isEqualTo(404);
        assertThat(owner.get("/api/models/" + id + "/versions/x").status()).isEqualTo(400);
        assertThat(validator.post("/api/models/" + id + "/versions", "{}").status()).isEqualTo(403);
    }

    @Test
    void searchFiltersPagesAndSorts() {
        String team = "Team " + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            String body = validModel(uniqueId("SRCH" + i)).replace("Customer Analytics", team);
            assertThat(owner.post("/api/models", body).status()).isEqualTo(201);
        }
        String q = java.net.URLEncoder.encode(team.toUpperCase(Locale.ROOT), java.nio.charset.StandardCharsets.UTF_8);

        JsonNode page0 = validator.get("/api/models?q=" + q + "&size=2&page=0&sort=id,desc").json();
        JsonNode page2 = validator.get("/api/models?q=" + q + "&size=2&page=2&sort=id,desc").json();

        assertThat(page0.path("totalItems").asLong()).isEqualTo(5);
        assertThat(page0.path("totalPages").asLong()).isEqualTo(3);
        assertThat(page0.path("items")).hasSize(2);
        assertThat(page0.path("items").get(0).path("id").asText())
                .isGreaterThan(page0.path("items").get(1).path("id").asText());
        assertThat(page2.path("items")).hasSize(1);
        assertThat(validator.get("/api/models?q=" + q + "&status=PROPOSED&riskTier=UNASSESSED&owner=owner").json()
                .path("totalItems").asLong()).isEqualTo(5);
        assertThat(validator.get("/api/models?q=" + q + "&riskTier=HIGH").json().path("totalItems").asLong()).isZero();
        assertThat(validator.get("/api/models?q=" + q + "&owner=risk").json().path("totalItems").asLong()).isZero();
        assertThat(validator.get("/api/models?q=100%25_").json().path("totalItems").asLong())
                .as("LIKE wildcards in q are literal").isZero();
    }

    @Test
    void badQueryParametersAre400NamingEachParameter() {
        Api.Response response = validator.get("/api/models?riskTier=SEVERE&status=DONE&page=-1&size=1000&sort=colour");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.invalidFields()).containsExactlyInAnyOrder("riskTier", "status", "page", "size", "sort");
        assertThat(validator.get("/api/models?size=abc").invalidFields()).containsExactly("size");
    }

    @Test
    void everyChangeIsInTheHashChainedAuditTrail() {
        String id = uniqueId("AUDIT");
        owner.post("/api/models", validModel(id));
        owner.patch("/api/models/" + id, "{\"purpose\": \"Retention and win-back\"}");
        owner.post("/api/models/" + id + "/versions", "{\"label\": \"1.0.0\"}");

        JsonNode events = Api.as(port, "compliance", "demo").get("/api/audit?modelId=" + id + "&order=oldest").json();

        assertThat(events).hasSize(3);
        assertThat(events.get(0).path("action").asText()).isEqualTo("MODEL_REGISTERED");
        assertThat(events.get(1).path("action").asText()).isEqualTo("MODEL_CHANGED");
        assertThat(events.get(1).path("details").asText()).contains("Retention and win-back").contains("\"from\"");
        assertThat(events.get(2).path("action").asText()).isEqualTo("MODEL_VERSION_REGISTERED");
        assertThat(events.get(2).path("entityId").asText()).isEqualTo(id + ":1");
        assertThat(events.get(1).path("prevHash").asText()).isEqualTo(events.get(0).path("hash").asText());
        assertThat(validator.get("/api/audit/verification").json().path("intact").asBoolean()).isTrue();
        assertThat(validator.get("/api/audit?limit=0").invalidFields()).containsExactly("limit");
    }

    @Test
    void aPatchThatChangesNothingWritesNoAuditEvent() {
        String id = uniqueId("NOOP");
        owner.post("/api/models", validModel(id));
        owner.patch("/api/models/" + id, "{\"name\": \"Churn predictor\"}");
        assertThat(owner.get("/api/audit?modelId=" + id).json()).hasSize(1);
    }

}
