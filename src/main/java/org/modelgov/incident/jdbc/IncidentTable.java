package org.modelgov.incident.jdbc;

/** SQL over {@code modelgov.incident} that readers outside this package share, so one rule has one wording. */
public final class IncidentTable {

    /**
     * The rows whose regulatory report clock runs (EU AI Act Art. 73): open, a report due, none filed yet. The
     * dashboard lists and counts them; the metrics split them into running and overdue.
     */
    public static final String OPEN_REPORT_CLOCK =
            "status <> 'CLOSED' AND report_due_at IS NOT NULL AND report_filed_at IS NULL";

    private IncidentTable() {
    }
}
