package org.modelgov.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Open tasks from Camunda's read APIs. Called outside any engine authentication (ModelGov's pages do not set
 * one), so the engine lists every task; the dashboard controller decides who may see them.
 */
@Component
class EngineTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final PortfolioTables tables;

    EngineTasks(TaskService tasks, RuntimeService runtime, PortfolioTables tables) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.tables = tables;
    }

    long countOpen() {
        return tasks.createTaskQuery().count();
    }

    long countOverdue(Instant now) {
        return tasks.createTaskQuery().dueBefore(Date.from(now)).count();
    }

    /** Overdue tasks, the most overdue first; or all open tasks, the newest first (what just arrived). */
    List<GovernanceTask> open(boolean overdueOnly, Instant now, int limit) {
        TaskQuery query = tasks.createTaskQuery();
        if (overdueOnly) {
            query.dueBefore(Date.from(now)).orderByDueDate().asc();
        } else {
            query.orderByTaskCreateTime().desc();
        }
        List<Task> found = query.listPage(0, limit);
        Map<String, String> keyOfInstance = businessKeys(found);
        Map<String, String> modelOfKey = tables.modelsOf(new HashSet<>(keyOfInstance.values()));
        List<GovernanceTask> rows = new ArrayList<>();
        for (Task t : found) {
            String key = t.getProcessInstanceId() == null ? null : keyOfInstance.get(t.getProcessInstanceId());
            List<String> groups = new ArrayList<>();
            List<String> users = new ArrayList<>();
            if (t.getAssignee() == null) {
                for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                        if (link.getGroupId() != null) {
                            groups.add(link.getGroupId());
                        } else if (link.getUserId() != null) {
                            users.add(link.getUserId());
                        }
                    }
                }
            }
            rows.add(new GovernanceTask(t.getId(), t.getName(), key == null ? null : modelOfKey.get(key), key,
                    t.getAssignee(), groups, users, t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), now));
        }
        return rows;
    }

    private Map<String, String> businessKeys(List<Task> found) {
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
    }

}
