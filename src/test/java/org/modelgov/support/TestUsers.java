package org.modelgov.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Extra users for tests. Wrong-password tests must use their own user: Camunda delays the next
 * login of a user after a failed one, which would make other tests' logins fail.
 */
public final class TestUsers {

    public static final String PASSWORD = "secret";

    private TestUsers() {
    }

    public static String ensure(IdentityService identity, String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
        return id;
    }
}
