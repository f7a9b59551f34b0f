package org.modelgov.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.modelgov.audit.AuditLog;
import org.modelgov.common.GovernanceRole;
import org.modelgov.inventory.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio at a glance for managers and compliance officers: the inventory by tier and status, open and
 * overdue tasks, reviews falling due, incidents with a regulatory clock running, and lifecycle throughput.
 */
@Service
public class PortfolioDashboard {

    /** Who oversees the portfolio; everyone else sees their own work in Tasklist. */
    public static final List<String> MAY_VIEW = List.of(GovernanceRole.COMPLIANCE_OFFICER.groupId(),
            GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.COMMITTEE_MEMBER.groupId(),
            GovernanceRole.RISK_OFFICER.groupId());
    public static final int REVIEW_WINDOW_DAYS = 30;
    public static final int THROUGHPUT_MONTHS = 12;
    static final int ROWS = 20;
    static final int TASK_LIST_ROWS = 200;

    private final PortfolioTables tables;
    private final EngineTasks tasks;
    private final AuditLog audit;
    private final Clock clock;

    PortfolioDashboard(PortfolioTables tables, EngineTasks tasks, AuditLog audit, Clock clock) {
        this.tables = tables;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayView(Actor actor) {
        return MAY_VIEW.stream().anyMatch(actor::isIn);
    }

    /** Everything on the dashboard, read at one instant. */
    @Transactional(readOnly = true)
    public Overview overview() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate until = today.plusDays(REVIEW_WINDOW_DAYS);
        return new Overview(now, TierStatusMatrix.of(tables.modelsByTierAndStatus()),
                tasks.countOpen(), tasks.countOverdue(now), tasks.open(true, now, ROWS),
                tables.countReviewsDue(today, until), tables.reviewsDue(today, until, ROWS), today, until,
                tables.countIncidentClocks(), tables.incidentClocks(now, ROWS),
                ThroughputChart.of(audit.monthlyCounts(ThroughputChart.actions(), now, THROUGHPUT_MONTHS)));
    }

    /** The open tasks (or only the overdue ones), with how many there are in all. */
    @Transactional(readOnly = true)
    public TaskList tasks(boolean overdueOnly) {
        Instant now = clock.instant();
        long total = overdueOnly ? tasks.countOverdue(now) : tasks.countOpen();
        return new TaskList(overdueOnly, total, tasks.open(overdueOnly, now, TASK_LIST_ROWS));
    }

    /** The dashboard's content. */
    public record Overview(Instant now, TierStatusMatrix matrix, long openTasks, long overdueTasks,
                           List<GovernanceTask> overdue, long reviewsDueCount, List<ReviewDue> reviewsDue,
                           LocalDate reviewsFrom, LocalDate reviewsUntil, long incidentClockCount,
                           List<IncidentClock> incidentClocks, ThroughputChart throughput) {

        public int reviewWindowDays() {
            return REVIEW_WINDOW_DAYS;
        }
    }

    /** Open tasks behind a dashboard number. */
    public record TaskList(boolean overdueOnly, long total, List<GovernanceTask> tasks) {
    }
}
