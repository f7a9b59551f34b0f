package org.modelgov.inventory;

/** Port: the people who can own models (Camunda's identity service in production). */
public interface UserDirectory {

    boolean userExists(String userId);
}
