package org.modelgov.inventory;

import java.util.Set;

/** Who is acting, with their Camunda groups (roles). */
public record Actor(String userId, Set<String> groups) {

    public Actor {
        groups = Set.copyOf(groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
