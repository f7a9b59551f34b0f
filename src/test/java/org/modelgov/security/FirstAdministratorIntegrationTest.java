package org.modelgov.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.modelgov.config.ModelGovProperties;
import org.modelgov.config.ModelGovProperties.IntegrationMode;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Outside demo mode the first administrator comes from configuration (MODELGOV_ADMIN_*). */
@ModelGovIntegrationTest
class FirstAdministratorIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;

    private GovernanceIdentitySetup setupWith(String userId, String password) {
        ModelGovProperties properties = new ModelGovProperties(IntegrationMode.LOCAL, false,
                new ModelGovProperties.Admin(userId, password, "First", "Admin", "first@example.org"));
        return new GovernanceIdentitySetup(identity, authorizations, filters, tasks, properties);
    }

    @Test
    void theConfiguredAdministratorIsCreatedOnceWithFullRights() {
        setupWith("first-admin", "s3cret-Pass").run(null);
        setupWith("first-admin", "s3cret-Pass").run(null); // a restart changes nothing

        assertThat(identity.createUserQuery().userId("first-admin").memberOfGroup("camunda-admin").count()).isOne();
        assertThat(identity.createUserQuery().userId("first-admin").memberOfGroup("governance-admins").count()).isOne();
        assertThat(Api.as(port, "first-admin", "s3cret-Pass").get("/engine-rest/user?id=owner").status()).isEqualTo(200);
        assertThat(Api.as(port, "first-admin", "s3cret-Pass").post("/api/models",
                "{\"id\": \"ADMIN-" + System.nanoTime() + "\", \"name\": \"n\", \"purpose\": \"p\"}").status())
                .isEqualTo(201);
    }

    @Test
    void anAdministratorWithoutPasswordStopsStartUpWithAClearMessage() {
        assertThatThrownBy(() -> setupWith("second-admin", " ").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MODELGOV_ADMIN_PASSWORD");
        assertThat(identity.createUserQuery().userId("second-admin").count()).isZero();
    }

    @Test
    void everyGovernanceGroupExists() {
        for (var role : org.modelgov.common.GovernanceRole.values()) {
            assertThat(identity.createGroupQuery().groupId(role.groupId()).count()).as(role.groupId()).isOne();
        }
    }
}
