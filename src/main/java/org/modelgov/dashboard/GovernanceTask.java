package org.modelgov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An open task in the engine, with the model it is for (from the process's business key, looked up in ModelGov's
 * tables), who holds it and since when.
 */
public record GovernanceTask(String id, String name, String modelId, String subject, String assignee,
                             List<String> candidateGroups, List<String> candidateUsers, Instant createdAt,
                             Instant dueAt, Instant now) {

    public boolean overdue() {
        return dueAt != null && dueAt.isBefore(now);
    }

    /** The person who claimed it, or who may claim it while nobody has. */
    public String holder() {
        if (assignee != null) {
            return assignee;
        }
        List<String> who = new java.util.ArrayList<>(candidateGroups);
        who.addAll(candidateUsers);
        return who.isEmpty() ? "nobody (ask a governance administrator)" : "unclaimed: " + String.join(", ", who);
    }

    public boolean claimed() {
        return assignee != null;
    }

    public String openFor() {
        return Durations.text(Duration.between(createdAt, now));
    }

    public String overdueBy() {
        return overdue() ? Durations.text(Duration.between(dueAt, now)) : "";
    }

    /** Tasklist opens this task from this link (after ModelGov's single sign-on). */
    public String tasklistLink() {
        return "/camunda/app/tasklist/default/#/?task=" + id;
    }
}
