package org.modelgov.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.modelgov.common.GovernanceRole;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.springframework.stereotype.Component;

/**
 * Runs when a review task's deadline timer fires (and again at every repeat): risk officers and the
 * assignee (or, while nobody has claimed it, the candidate groups) hear about the task whose timer fired
 * ({@code overdueTask}, set on the timer's path). A timer fired early by hand in Cockpit still chases it.
 */
@Component("chaseOverdueWork")
class OverdueWorkChaser implements JavaDelegate {

    private final TaskService tasks;
    private final NotificationSender notifications;

    OverdueWorkChaser(TaskService tasks, NotificationSender notifications) {
        this.tasks = tasks;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var query = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId());
        String overdueTask = (String) execution.getVariableLocal("overdueTask");
        if (overdueTask != null) {
            query = query.taskDefinitionKey(overdueTask);
        }
        String businessKey = execution.getProcessBusinessKey();
        GovernedModel governed = GovernedModel.of(execution, businessKey);
        for (Task task : query.list()) {
            List<String> groups = new ArrayList<>(List.of(GovernanceRole.RISK_OFFICER.groupId()));
            List<String> users = new ArrayList<>();
            if (task.getAssignee() != null) {
                users.add(task.getAssignee());
            } else {
                for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                            && !groups.contains(link.getGroupId())) {
                        groups.add(link.getGroupId());
                    }
                }
            }
            String subject = "Overdue: " + task.getName() + " (" + businessKey + ")";
            String body = "The task '" + task.getName() + "' for " + businessKey + " was due "
                    + (task.getDueDate() == null ? "now" : task.getDueDate().toInstant()) + " and is still open"
                    + (task.getAssignee() == null ? " and unclaimed" : " with " + task.getAssignee())
                    + ". Open /camunda/app/tasklist/ to work on it.";
            // one notification per task per firing: a retried job sends nothing twice
            notifications.send(new Notification("task-overdue:" + task.getId() + ":" + execution.getId(),
                    "TASK_OVERDUE", subject, body, groups, users, governed.modelId(), governed.riskTier(), null));
        }
    }
}
