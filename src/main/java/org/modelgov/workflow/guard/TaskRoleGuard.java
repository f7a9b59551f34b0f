package org.modelgov.workflow.guard;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.modelgov.workflow.GovernanceRuleViolation;
import org.modelgov.workflow.TaskActor;

/**
 * On every user task of every process (added by {@link GovernanceParseListener}):
 * <ul>
 *   <li>create: the form's editable fields start empty as variables of the task itself, so every reviewer and
 *       approver starts from an empty decision whatever the process holds;</li>
 *   <li>assignment (claim, assign, delegate): only a candidate of the task (a member of one of its candidate
 *       groups, or a candidate user) may hold it;</li>
 *   <li>complete: a person completes it (the login, else the assignee), that person is a candidate, and when the
 *       task is held by someone, it is them.</li>
 * </ul>
 * Segregation of duties (independence, four eyes) comes on top, in the review listener.
 */
final class TaskRoleGuard implements TaskListener {

    private final IdentityService identity;
    private final FormCatalog forms;

    TaskRoleGuard(IdentityService identity, FormCatalog forms) {
        this.identity = identity;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> startEmpty(task);
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    requireCandidate(task, task.getAssignee(), "hold");
                }
            }
            case EVENTNAME_COMPLETE -> {
                String actor = TaskActor.of(identity, task);
                if (actor == null) {
                    throw new GovernanceRuleViolation("Claim '" + task.getName() + "' before completing it:"
                            + " every decision names the person who took it");
                }
                if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
                    throw new GovernanceRuleViolation("'" + task.getName() + "' is held by " + task.getAssignee()
                            + "; only they may complete it (ask them to hand it over)");
                }
                requireCandidate(task, actor, "decide");
            }
            default -> {
                // other events need no check
            }
        }
    }

    private void startEmpty(DelegateTask task) {
        if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
            return;
        }
        forms.formOf(entity.getTaskDefinition().getFormDefinition()).ifPresent(form -> {
            Map<String, Object> empty = new LinkedHashMap<>();
            form.editable().keySet().forEach(field -> empty.put(field, null));
            task.setVariablesLocal(empty);
        });
    }

    private void requireCandidate(DelegateTask task, String user, String what) {
        Set<String> groups = new TreeSet<>();
        Set<String> users = new HashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        if (groups.isEmpty() && users.isEmpty() || users.contains(user)) {
            return;
        }
        boolean member = !groups.isEmpty() && identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).anyMatch(groups::contains);
        if (!member) {
            String who = groups.isEmpty() ? "the model's own people (" + String.join(", ", new TreeSet<>(users)) + ")"
                    : "members of " + String.join(", ", groups);
            throw new GovernanceRuleViolation(user + " may not " + what + " '" + task.getName() + "': it is for "
                    + who + " only");
        }
    }

}
