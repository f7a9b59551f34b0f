package org.modelgov.security;

import org.camunda.bpm.engine.IdentityService;
import org.modelgov.inventory.UserDirectory;
import org.springframework.stereotype.Component;

/** The inventory's user directory is Camunda's identity service. */
@Component
class CamundaUserDirectory implements UserDirectory {

    private final IdentityService identity;

    CamundaUserDirectory(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean userExists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }
}
