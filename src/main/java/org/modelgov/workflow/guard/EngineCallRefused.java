package org.modelgov.workflow.guard;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A call to the engine that only governance administrators may make (start instructions, variable writes,
 * modification, messages ...). Camunda's REST layers, the engine REST API and the webapps' own API alike, answer
 * an {@link AuthorizationException} with 403 and its message.
 */
public class EngineCallRefused extends AuthorizationException {

    public EngineCallRefused(String message) {
        super(message);
    }
}
