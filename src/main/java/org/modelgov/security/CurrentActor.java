package org.modelgov.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.modelgov.inventory.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Turns the logged-in Spring Security principal into the domain's {@link Actor}. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor of(Authentication authentication) {
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new Actor(authentication.getName(), groups);
    }
}
