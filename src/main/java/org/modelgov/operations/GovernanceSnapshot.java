package org.modelgov.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The governance numbers at one instant, as the gauges publish them. Counts missing from a map are zero.
 *
 * @param instancesAtStep     running activity instances per process and BPMN activity, summed over versions
 * @param openTasksByGroup    open tasks each group works on (a task offered to two groups counts in both);
 *                            {@link #OWNER} holds the tasks only the model's owner may do
 * @param overdueTasksByGroup the same, only tasks whose due date has passed
 * @param jobsDue             jobs the job executor should be running now (due, active, retries left)
 * @param jobsFailed          jobs out of retries (each is a Cockpit incident until someone retries it)
 * @param engineIncidents     open Camunda incidents
 * @param openIncidentsBySeverity ModelGov incidents not closed, by severity ({@link #UNTRIAGED} before triage)
 * @param reportClocksRunning open incidents whose regulatory report is due later and not filed
 * @param reportClocksOverdue open incidents whose regulatory report is past due and not filed
 * @param notificationsPending outbox rows waiting for the relay
 * @param notificationsFailed  outbox rows the relay gave up on
 * @param oldestPendingNotificationAge how long the oldest pending row has waited; zero when none
 */
record GovernanceSnapshot(
        Instant takenAt,
        Map<ProcessStep, Long> instancesAtStep,
        Map<String, Long> openTasksByGroup,
        Map<String, Long> overdueTasksByGroup,
        long jobsDue,
        long jobsFailed,
        long engineIncidents,
        Map<String, Long> openIncidentsBySeverity,
        long reportClocksRunning,
        long reportClocksOverdue,
        long notificationsPending,
        long notificationsFailed,
        Duration oldestPendingNotificationAge) {

    /** The group tag of tasks assigned to the model's owner in person (no candidate group may take them). */
    static final String OWNER = "owner";
    static final String UNTRIAGED = "UNTRIAGED";

    /** A BPMN activity of a process (by process key: all versions together). */
    record ProcessStep(String process, String step) {
    }

    static long count(Map<?, Long> counts, Object key) {
        return counts.getOrDefault(key, 0L);
    }
}
