package org.modelgov.incident;

import java.time.Duration;
import java.time.Instant;

/** One incident on a model, as recorded. {@code exercise} incidents are tabletop rehearsals: nothing real changes. */
public record Incident(
        String id,
        String modelId,
        String versionId,
        IncidentType type,
        String description,
        String reporter,
        String source,
        String externalId,
        boolean exercise,
        IncidentStatus status,
        Severity severity,
        Boolean serious,
        SeriousKind seriousKind,
        String modelStatusBefore,
        String rootCause,
        String affectedPopulation,
        String remediation,
        String remediationNotes,
        String reportReference,
        String lessonsLearned,
        int occurrences,
        Instant awareAt,
        Instant triagedAt,
        Instant containedAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant reportDueAt,
        Instant reportFiledAt,
        String triagedBy,
        String remediatedBy,
        String reviewedBy) {

    /** Time from awareness to a milestone, or null while it has not been reached. */
    public static Duration since(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    public Duration timeToTriage() {
        return since(awareAt, triagedAt);
    }

    public Duration timeToContain() {
        return since(awareAt, containedAt);
    }

    public Duration timeToResolve() {
        return since(awareAt, resolvedAt);
    }

    public boolean isOpen() {
        return status != IncidentStatus.CLOSED;
    }
}
