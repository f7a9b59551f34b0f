package org.modelgov.lifecycle;

import java.util.List;

/**
 * Where a version's governance lifecycle stands.
 *
 * @param waitingAt the activities it waits in now (user tasks, timers, called processes), by id
 */
public record LifecycleState(String processInstanceId, boolean ended, List<String> waitingAt) {

    public LifecycleState {
        waitingAt = List.copyOf(waitingAt);
    }
}
