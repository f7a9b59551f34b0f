package org.modelgov.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Creating Camunda users at start-up without touching ones that exist (safe on restart and on several nodes). */
public final class CamundaUsers {

    private CamundaUsers() {
    }

    /**
     * Creates the user if missing and adds every missing group membership; an existing user keeps
     * its password and details.
     *
     * @return true when the user was created
     */
    public static boolean ensure(IdentityService identity, String userId, String firstName, String lastName,
                                 String email, String password, List<String> groups) {
        boolean created = identity.createUserQuery().userId(userId).count() == 0;
        if (created) {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            identity.saveUser(user);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                identity.createMembership(userId, group);
            }
        }
        return created;
    }
}
