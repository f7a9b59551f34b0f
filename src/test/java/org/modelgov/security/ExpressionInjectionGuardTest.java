package org.modelgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionInjectionGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/task/count", "/engine-rest/history/task",
            "/engine-rest/history/task/count", "/engine-rest/filter", "/engine-rest/filter/abc/list",
            "/engine-rest/filter/abc/count", "/engine-rest/filter/abc/singleResult", "/engine-rest/TASK",
            "/engine-rest/task;jsessionid=1", "/camunda/api/engine/engine/default/task",
            "/camunda/api/engine/engine/default/filter/1/list", "/engine-rest//task/"})
    void inspectsTaskAndFilterQueries(String uri) {
        assertThat(ExpressionInjectionGuard.isTaskOrFilterQuery(uri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/process-definition", "/engine-rest/task/123/complete",
            "/engine-rest/task/123/variables", "/engine-rest/deployment/create", "/api/models"})
    void letsOtherCallsThrough(String uri) {
        assertThat(ExpressionInjectionGuard.isTaskOrFilterQuery(uri)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${x}", "a#{x}", "assignee=${currentUser()}"})
    void recognisesBothExpressionSyntaxes(String text) {
        assertThat(ExpressionInjectionGuard.containsExpression(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$x", "#1 {a}", "{}", "owner"})
    void leavesPlainTextAlone(String text) {
        assertThat(ExpressionInjectionGuard.containsExpression(text)).isFalse();
    }
}
