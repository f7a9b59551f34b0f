package org.modelgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ExpressionProbe;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine REST API needs a login, and refuses expression injection (CVE-2026-109432). */
@ModelGovIntegrationTest
class EngineRestSecurityIntegrationTest {

    private static final String ATTACK = "${expressionProbe.hit()}";

    @LocalServerPort
    int port;
    @Autowired
    ExpressionProbe probe;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    Api owner;
    ProcessInstance attestation;

    @BeforeEach
    void startATaskForTheOwners() {
        owner = Api.as(port, "owner", "demo");
        attestation = runtime.startProcessInstanceByKey("InventoryAttestationProcess", "ENGINE-REST-TEST");
    }

    @AfterEach
    void removeIt() {
        runtime.deleteProcessInstance(attestation.getId(), "test finished");
    }

    @Test
    void everyEngineRestCallNeedsALogin() {
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get("/engine-rest/engine").status()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/process-definition").status()).isEqualTo(401);
        String victim = TestUsers.ensure(identity, "rest-lockout-probe", "model-owners");
        assertThat(Api.as(port, victim, "wrong").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(Api.as(port, victim, "wrong").get("/engine-rest/engine").status()).isEqualTo(401);

        Api.Response engines = owner.get("/engine-rest/engine");
        assertThat(engines.status()).isEqualTo(200);
        assertThat(engines.json().get(0).path("name").asText()).isEqualTo("default");
    }

    @Test
    void ordinaryTaskQueriesStillWork() {
        Api.Response byGroup = owner.get("/engine-rest/task?candidateGroup=model-owners&processInstanceBusinessKey=ENGINE-REST-TEST");
        assertThat(byGroup.status()).isEqualTo(200);
        assertThat(byGroup.json()).hasSize(1);
        assertThat(byGroup.json().get(0).path("name").asText()).isEqualTo("Attest inventory record");

        Api.Response withOr = owner.post("/engine-rest/task", """
                {"processInstanceBusinessKey": "ENGINE-REST-TEST",
                 "orQueries": [{"candidateGroup": "model-owners", "assignee": "owner"}]}
                """);
        assertThat(withOr.status()).as(withOr.body()).isEqualTo(200);
        assertThat(withOr.json()).hasSize(1);
        assertThat(owner.post("/engine-rest/task/count", "{\"candidateGroup\": \"model-owners\"}").status())
                .isEqualTo(200);
    }

    @Test
    void expressionsInTaskQueriesAreRefusedBeforeTheEngineSeesThem() {
        String encoded = "%24%7BexpressionProbe.hit()%7D";
        assertRefused(owner.get("/engine-rest/task?assigneeExpression=" + encoded));
        assertRefused(owner.get("/engine-rest/task/count?candidateGroupsExpression=" + encoded));
        assertRefused(owner.get("/engine-rest/history/task?taskAssigneeExpression=" + encoded));
        assertRefused(owner.post("/engine-rest/task", "{\"assigneeExpression\": \"" + ATTACK + "\"}"));
        assertRefused(owner.post("/engine-rest/task",
                "{\"orQueries\": [{\"assigneeExpression\": \"" + ATTACK + "\"}]}"));
        assertRefused(owner.post("/engine-rest/task",
                "{\"orQueries\": [{\"candidateGroup\": \"x\", \"processVariables\": [{\"name\": \"a\","
                        + " \"operator\": \"eq\", \"value\": \"#{expressionProbe.hit()}\"}]}]}"));
        // JSON escapes decode to "${" inside the engine: caught after decoding
        assertRefused(owner.post("/engine-rest/task/count",
                "{\"orQueries\": [{\"assigneeExpression\": \"\\u0024{expressionProbe.hit()}\"}]}"));
        assertRefused(owner.post("/engine-rest/task",
                "{\"orQueries\": [{\"assigneeExpression\": \"\\u0023\\u007bexpressionProbe.hit()}\"}]}"));
        // the webapps' internal copy of the REST API, as Tasklist would call it
        assertRefused(owner.post("/camunda/api/engine/engine/default/task",
                "{\"orQueries\": [{\"assigneeExpression\": \"" + ATTACK + "\"}]}"));

        assertThat(probe.hits()).as("no attacker expression was evaluated").isZero();
    }

    @Test
    void expressionsInFilterQueriesAreRefused() {
        assertRefused(owner.post("/engine-rest/filter", """
                {"resourceType": "Task", "name": "evil",
                 "query": {"orQueries": [{"assigneeExpression": "%s"}]}}
                """.formatted(ATTACK)));
        Filter mine = filters.createFilterQuery().filterName("My tasks").singleResult();
        assertRefused(owner.post("/engine-rest/filter/" + mine.getId() + "/list",
                "{\"orQueries\": [{\"assigneeExpression\": \"" + ATTACK + "\"}]}"));
        assertThat(filters.createFilterQuery().filterName("evil").count()).isZero();
        assertThat(probe.hits()).isZero();
    }

    @Test
    void storedFiltersWithCamundasOwnExpressionsKeepWorking() {
        Filter groupTasks = filters.createFilterQuery().filterName("My groups' tasks").singleResult();
        Api.Response listed = owner.post("/engine-rest/filter/" + groupTasks.getId() + "/list", "{}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("processInstanceId")).contains(attestation.getId());

        tasks.claim(tasks.createTaskQuery().processInstanceId(attestation.getId()).singleResult().getId(), "owner");
        Filter myTasks = filters.createFilterQuery().filterName("My tasks").singleResult();
        JsonNode mine = owner.get("/engine-rest/filter/" + myTasks.getId() + "/list").json();
        assertThat(mine.findValuesAsText("processInstanceId")).contains(attestation.getId());
        assertThat(Api.as(port, "validator", "demo").get("/engine-rest/filter/" + myTasks.getId() + "/list").json()
                .findValuesAsText("processInstanceId")).doesNotContain(attestation.getId());
    }

    @Test
    void authorizationIsOnSoUsersSeeOnlyTasksTheyMay() {
        Api validator = Api.as(port, "validator", "demo");
        JsonNode visible = validator.get("/engine-rest/task?processInstanceBusinessKey=ENGINE-REST-TEST").json();
        assertThat(visible).as("a validator is no candidate for the owner's attestation").isEmpty();
        assertThat(Api.as(port, "compliance", "demo")
                .get("/engine-rest/task?processInstanceBusinessKey=ENGINE-REST-TEST").json())
                .as("compliance officers read everything").hasSize(1);
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).contains("CVE-2026-109432");
    }
}
