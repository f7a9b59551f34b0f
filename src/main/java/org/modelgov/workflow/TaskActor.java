package org.modelgov.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts on a task: the user logged in to the engine (Tasklist, REST), else its assignee (engine API callers). */
public final class TaskActor {

    private TaskActor() {
    }

    /** @return the acting user, or null when neither a login nor an assignee says who */
    public static String of(IdentityService identity, DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee();
    }
}
