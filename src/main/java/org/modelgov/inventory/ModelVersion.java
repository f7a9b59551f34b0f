package org.modelgov.inventory;

import java.time.Instant;

/**
 * One version of a model. Its {@code id} ({@code <modelId>:<number>}, e.g. {@code CUST-CHURN-001:3})
 * is the business key of that version's governance lifecycle.
 */
public record ModelVersion(
        String id,
        String modelId,
        int number,
        String label,
        String description,
        String modelPackageArn,
        String artifactUri,
        String evaluationDatasetUri,
        ValidationInputs validation,
        VersionStatus status,
        String registeredBy,
        Instant createdAt) {

    public ModelVersion {
        validation = validation == null ? ValidationInputs.NONE : validation;
    }

    /** The model id of a version id ({@code CUST-CHURN-001:3} → {@code CUST-CHURN-001}). */
    public static String modelIdOf(String versionId) {
        int colon = versionId.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a version id: " + versionId);
        }
        return versionId.substring(0, colon);
    }

    ModelVersion with(VersionStatus newStatus) {
        return new ModelVersion(id, modelId, number, label, description, modelPackageArn, artifactUri,
                evaluationDatasetUri, validation, newStatus, registeredBy, createdAt);
    }

    ModelVersion withInputs(String newEvaluationDatasetUri, ValidationInputs newValidation) {
        return new ModelVersion(id, modelId, number, label, description, modelPackageArn, artifactUri,
                newEvaluationDatasetUri, newValidation, status, registeredBy, createdAt);
    }

    public static String idOf(String modelId, int number) {
        return modelId + ":" + number;
    }
}
