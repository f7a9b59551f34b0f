package org.modelgov.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.modelgov.security.CamundaUsers;

/**
 * Extra users for tests. Wrong-password tests must use their own user: Camunda delays the next
 * login of a user after a failed one, which would make other tests' logins fail.
 */
public final class TestUsers {

    public static final String PASSWORD = "secret";

    private TestUsers() {
    }

    public static String ensure(IdentityService identity, String id, String... groups) {
        CamundaUsers.ensure(identity, id, null, null, null, PASSWORD, List.of(groups));
        return id;
    }
}
