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

    /**
     * The S3 buckets this version's URIs name (artifact, evaluation, reference and current datasets, analysis
     * config, explainability report): a security finding on one of them is about this version's model.
     */
    public java.util.Set<String> s3Buckets() {
        java.util.Set<String> buckets = new java.util.TreeSet<>();
        for (String uri : java.util.Arrays.asList(artifactUri, evaluationDatasetUri, validation.analysisConfigUri(),
                validation.referenceDatasetUri(), validation.currentDatasetUri(),
                validation.explainabilityReportUri())) {
            if (uri != null && uri.startsWith("s3://")) {
                String rest = uri.substring("s3://".length());
                String bucket = rest.indexOf('/') < 0 ? rest : rest.substring(0, rest.indexOf('/'));
                if (bucket.length() >= 3 && bucket.length() <= 63) {
                    buckets.add(bucket);
                }
            }
        }
        return buckets;
    }

    public static String idOf(String modelId, int number) {
        return modelId + ":" + number;
    }
}
