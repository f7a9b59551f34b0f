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
        VersionStatus status,
        String registeredBy,
        Instant createdAt) {

    public static String idOf(String modelId, int number) {
        return modelId + ":" + number;
    }
}
