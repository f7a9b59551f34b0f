package org.modelgov.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every new user task, in every process, is announced to its candidate groups and users (and its
 * assignee) through the notification port, so nobody has to watch Tasklist to learn of new work.
 * Runs inside the engine's transaction: a task that is rolled back announces nothing. Each announcement names the
 * model the process governs (for an incident task: the incident's model) and its risk tier, so SNS subscriptions
 * can filter on them and {@code /api/notifications?modelId=} finds it.
 */
@Component
class TaskCreatedNotifier {

    private final NotificationSender notifications;

    TaskCreatedNotifier(NotificationSender notifications) {
        this.notifications = notifications;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onTaskCreated(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
        }
        if (task.getAssignee() != null && !users.contains(task.getAssignee())) {
            users.add(task.getAssignee());
        }
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        GovernedModel governed = GovernedModel.of(task, businessKey);
        String subject = "New task: " + task.getName() + (businessKey == null ? "" : " (" + businessKey + ")");
        String body = "A task is waiting in Tasklist: " + task.getName()
                + (businessKey == null ? "" : " for " + businessKey)
                + (governed.modelId() == null || governed.modelId().equals(modelIdOf(businessKey)) ? ""
                        : " (model " + governed.modelId() + ")")
                + (task.getDueDate() == null ? "" : ", due " + task.getDueDate().toInstant())
                + ". Open /camunda/app/tasklist/ to work on it.";
        notifications.send(new Notification("task-created:" + task.getId(), "TASK_CREATED", subject, body,
                groups, users, governed.modelId(), governed.riskTier(), null));
    }

    /** Lifecycle business keys are version ids ({@code MODEL-ID:3}); other processes use the model id. */
    static String modelIdOf(String businessKey) {
        if (businessKey == null || businessKey.isBlank()) {
            return null;
        }
        int colon = businessKey.indexOf(':');
        String id = colon < 0 ? businessKey : businessKey.substring(0, colon);
        return id.length() > 64 ? null : id;
    }
}
