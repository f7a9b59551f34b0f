package org.modelgov.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.task.TaskQuery;
import org.modelgov.common.GovernanceRole;
import org.modelgov.incident.jdbc.IncidentTable;
import org.modelgov.notification.PublishStatus;
import org.modelgov.operations.GovernanceSnapshot.ProcessStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one {@link GovernanceSnapshot}: counts from the engine's query API and aggregates over ModelGov's own
 * tables, never rows into memory. About thirty small queries; {@link GovernanceMetrics} decides how often.
 */
@Component
class GovernanceReadings {

    private final ManagementService management;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    GovernanceReadings(ManagementService management, TaskService tasks, RuntimeService runtime,
                       IdentityService identity, JdbcClient jdbc, Clock clock) {
        this.management = management;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The groups the task gauges are tagged with: every governance role, and the model's owner in person. */
    static List<String> taskGroups() {
        List<String> groups = new ArrayList<>();
        for (GovernanceRole role : GovernanceRole.values()) {
            groups.add(role.groupId());
        }
        groups.add(GovernanceSnapshot.OWNER);
        return groups;
    }

    /**
     * Counts everything, whoever's thread this is: the engine checks authorizations only while an engine user is
     * set on the thread, and operators must see all of the work, not what one user may see.
     */
    GovernanceSnapshot read() {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return readAll(clock.instant());
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private GovernanceSnapshot readAll(Instant now) {
        Map<String, Long> open = new LinkedHashMap<>();
        Map<String, Long> overdue = new LinkedHashMap<>();
        for (String group : taskGroups()) {
            open.put(group, tasksOf(group).count());
            overdue.put(group, tasksOf(group).dueBefore(Date.from(now)).count());
        }
        Map<String, Backlog> outbox = outboxBacklog();
        Backlog pending = outbox.getOrDefault(PublishStatus.PENDING.name(), Backlog.NONE);
        ReportClocks clocks = reportClocks(now);
        return new GovernanceSnapshot(now, instancesAtSteps(), open, overdue,
                management.createJobQuery().executable().active().count(),
                management.createJobQuery().noRetriesLeft().count(),
                runtime.createIncidentQuery().count(),
                openIncidentsBySeverity(), clocks.running(), clocks.overdue(),
                pending.count(), outbox.getOrDefault(PublishStatus.FAILED.name(), Backlog.NONE).count(),
                pending.oldest() == null ? Duration.ZERO : Duration.between(pending.oldest(), now));
    }

    /**
     * Open tasks of a group, claimed or not (Camunda's candidate queries leave assigned tasks out unless
     * asked). The owner's tasks (questionnaire, remediation) name the owner as their only candidate and
     * assignee: the model-owners group cannot take them, so they are counted apart.
     */
    private TaskQuery tasksOf(String group) {
        if (GovernanceSnapshot.OWNER.equals(group)) {
            return tasks.createTaskQuery().withCandidateUsers().withoutCandidateGroups().includeAssignedTasks();
        }
        return tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
    }

    /** Per process key and activity, summed over the deployed versions that have running instances. */
    private Map<ProcessStep, Long> instancesAtSteps() {
        Map<ProcessStep, Long> steps = new HashMap<>();
        for (ProcessDefinitionStatistics definition : management.createProcessDefinitionStatisticsQuery().list()) {
            if (definition.getInstances() == 0) {
                continue;
            }
            for (ActivityStatistics activity : management.createActivityStatisticsQuery(definition.getId()).list()) {
                steps.merge(new ProcessStep(definition.getKey(), activity.getId()), (long) activity.getInstances(),
                        Long::sum);
            }
        }
        return steps;
    }

    private Map<String, Long> openIncidentsBySeverity() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT severity, COUNT(*) FROM modelgov.incident WHERE status <> 'CLOSED' GROUP BY severity")
                .query((rs, n) -> Map.entry(rs.getString(1) == null ? GovernanceSnapshot.UNTRIAGED : rs.getString(1),
                        rs.getLong(2)))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * Open regulatory report clocks (the dashboard's rule, {@link IncidentTable#OPEN_REPORT_CLOCK}), split into
     * those still running and those past due, so the two add up to all open clocks.
     */
    private ReportClocks reportClocks(Instant now) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN report_due_at <= ? THEN 1 ELSE 0 END), 0)"
                        + " FROM modelgov.incident WHERE " + IncidentTable.OPEN_REPORT_CLOCK)
                .param(now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new ReportClocks(rs.getLong(1) - rs.getLong(2), rs.getLong(2))).single();
    }

    /** Outbox rows waiting for the relay or given up on, by publish status. */
    private Map<String, Backlog> outboxBacklog() {
        Map<String, Backlog> backlog = new HashMap<>();
        jdbc.sql("SELECT publish_status, COUNT(*), MIN(created_at) FROM modelgov.notification_outbox"
                        + " WHERE publish_status IN ('PENDING', 'FAILED') GROUP BY publish_status")
                .query((rs, n) -> Map.entry(rs.getString(1), new Backlog(rs.getLong(2), instant(rs, 3))))
                .list().forEach(e -> backlog.put(e.getKey(), e.getValue()));
        return backlog;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record ReportClocks(long running, long overdue) {
    }

    private record Backlog(long count, Instant oldest) {
        static final Backlog NONE = new Backlog(0, null);
    }
}
