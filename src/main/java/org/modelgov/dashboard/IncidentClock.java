package org.modelgov.dashboard;

import java.time.Duration;
import java.time.Instant;

/** An open incident whose regulatory report (EU AI Act Art. 73) is due and not yet filed. */
public record IncidentClock(String id, String modelId, String type, String severity, String status,
                            Instant reportDueAt, Instant now) {

    public boolean overdue() {
        return !reportDueAt.isAfter(now);
    }

    public String remaining() {
        String text = Durations.text(Duration.between(now, reportDueAt));
        return overdue() ? "overdue by " + text : text + " left";
    }
}
