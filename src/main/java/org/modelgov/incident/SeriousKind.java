package org.modelgov.incident;

/**
 * The kind of an EU AI Act serious incident, which sets the Art. 73 reporting deadline
 * ({@code ReportingDeadline} decision): 2 days for widespread infringement or critical-infrastructure
 * disruption, 10 days where a death may be involved, 15 days otherwise.
 */
public enum SeriousKind {
    WIDESPREAD_INFRINGEMENT, CRITICAL_INFRASTRUCTURE, DEATH, OTHER
}
