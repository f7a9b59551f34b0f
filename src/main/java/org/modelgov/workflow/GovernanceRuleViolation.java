package org.modelgov.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion, claim or process start refused by a governance rule (segregation of duties, incomplete
 * answers). The engine rolls the command back; the REST API answers 400 with the reason.
 */
public class GovernanceRuleViolation extends BadUserRequestException {

    public GovernanceRuleViolation(String reason) {
        super(reason);
    }
}
