package org.modelgov.workflow.guard;

import org.modelgov.workflow.GovernanceRuleViolation;

/** The governance refusals: the caller's mistakes, each answered with a 4xx and the rule's sentence. */
public final class Refusals {

    private Refusals() {
    }

    /** The first governance refusal in the cause chain (the engine wraps what listeners throw), or null. */
    public static RuntimeException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof GovernanceRuleViolation || t instanceof EngineCallRefused || t instanceof CompletionRefused
                    || t instanceof TaskNotFound || t instanceof ConcurrentChangeRefused) {
                return (RuntimeException) t;
            }
        }
        return null;
    }
}
