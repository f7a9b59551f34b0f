package org.modelgov.inventory;

import java.time.Instant;
import java.time.LocalDate;

/** One governed model: the inventory's system-of-record entry. */
public record Model(
        String id,
        String name,
        String purpose,
        RiskTier riskTier,
        String owner,
        String ownerTeam,
        Deployment deployment,
        String intendedUse,
        String evaluationDatasetUri,
        ModelStatus status,
        LocalDate nextReviewDue,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long rowVersion) {

    public ModelDetails details() {
        return new ModelDetails(name, purpose, owner, ownerTeam, deployment, intendedUse, evaluationDatasetUri);
    }

    Model withDetails(ModelDetails d, Instant now) {
        return new Model(id, d.name(), d.purpose(), riskTier, d.owner(), d.ownerTeam(), d.deployment(),
                d.intendedUse(), d.evaluationDatasetUri(), status, nextReviewDue, createdBy, createdAt, now,
                rowVersion + 1);
    }

    Model withLifecycle(RiskTier tier, ModelStatus newStatus, LocalDate reviewDue, Instant now) {
        return new Model(id, name, purpose, tier, owner, ownerTeam, deployment, intendedUse, evaluationDatasetUri,
                newStatus, reviewDue, createdBy, createdAt, now, rowVersion + 1);
    }

    Model touched(Instant now) {
        return new Model(id, name, purpose, riskTier, owner, ownerTeam, deployment, intendedUse,
                evaluationDatasetUri, status, nextReviewDue, createdBy, createdAt, now, rowVersion + 1);
    }
}
