package org.modelgov.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs people in against Camunda's identity service, so ModelGov's pages and API, Tasklist and
 * the engine REST API share one set of users. Each Camunda group becomes an authority of the
 * same name (e.g. {@code model-owners}). Camunda's own lock-out after repeated failures applies.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identity.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groupsOf(userId));
    }

    /**
     * Every group of the user, whatever engine user this (pooled) thread may carry: with an engine user set, the
     * engine would answer only the groups that user may read, and a user whose groups all went unseen would be
     * taken for one with no group at all (for an integration identity: one that may read pages).
     */
    private List<SimpleGrantedAuthority> groupsOf(String userId) {
        org.camunda.bpm.engine.impl.identity.Authentication onThread = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .map(SimpleGrantedAuthority::new)
                    .toList();
        } finally {
            if (onThread != null) {
                identity.setAuthentication(onThread);
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
