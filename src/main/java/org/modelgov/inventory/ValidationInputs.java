package org.modelgov.inventory;

import org.modelgov.common.Violations;

/**
 * What a version brings for its validation and reassessments, besides its evaluation dataset.
 *
 * @param analysisConfigUri       Clarify-style analysis config (label, predicted label, facets) for bias and
 *                                performance on the evaluation dataset
 * @param referenceDatasetUri     the data the model was trained on, the baseline for drift
 * @param currentDatasetUri       recent production data (e.g. data capture), compared with the reference
 * @param explainabilityReportUri feature attributions (e.g. a Clarify SHAP report); required for HIGH models
 */
public record ValidationInputs(String analysisConfigUri, String referenceDatasetUri, String currentDatasetUri,
                               String explainabilityReportUri, SecurityPosture securityPosture,
                               String validationPipelineArn) {

    public static final ValidationInputs NONE = new ValidationInputs(null, null, null, null, SecurityPosture.UNDECLARED,
            null);
    /** A Step Functions state machine ARN. */
    static final java.util.regex.Pattern STATE_MACHINE_ARN = java.util.regex.Pattern.compile(
            "arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:[A-Za-z0-9_-]{1,80}(:[A-Za-z0-9_-]+)?");

    public ValidationInputs {
        securityPosture = securityPosture == null ? SecurityPosture.UNDECLARED : securityPosture;
    }

    public ValidationInputs(String analysisConfigUri, String referenceDatasetUri, String currentDatasetUri,
                            String explainabilityReportUri, SecurityPosture securityPosture) {
        this(analysisConfigUri, referenceDatasetUri, currentDatasetUri, explainabilityReportUri, securityPosture, null);
    }

    void check(Violations v) {
        ModelDetails.checkUnlessReported(v, "analysisConfigUri",
                () -> InventoryRules.dataUri(v, "analysisConfigUri", analysisConfigUri));
        ModelDetails.checkUnlessReported(v, "referenceDatasetUri",
                () -> InventoryRules.dataUri(v, "referenceDatasetUri", referenceDatasetUri));
        ModelDetails.checkUnlessReported(v, "currentDatasetUri",
                () -> InventoryRules.dataUri(v, "currentDatasetUri", currentDatasetUri));
        ModelDetails.checkUnlessReported(v, "explainabilityReportUri",
                () -> InventoryRules.dataUri(v, "explainabilityReportUri", explainabilityReportUri));
        ModelDetails.checkUnlessReported(v, "validationPipelineArn", () -> v.optionalPattern("validationPipelineArn",
                validationPipelineArn, 2048, STATE_MACHINE_ARN,
                "must be a Step Functions state machine ARN like arn:aws:states:eu-west-1:123456789012:stateMachine:validate"));
        ModelDetails.checkUnlessReported(v, "securityPosture.kmsKeyId",
                () -> v.optionalText("securityPosture.kmsKeyId", securityPosture.kmsKeyId(), 2048));
    }

    /** These inputs with every non-null URI of {@code changes} put in place (remediation). */
    public ValidationInputs with(ValidationInputs changes) {
        return new ValidationInputs(
                changes.analysisConfigUri() != null ? changes.analysisConfigUri() : analysisConfigUri,
                changes.referenceDatasetUri() != null ? changes.referenceDatasetUri() : referenceDatasetUri,
                changes.currentDatasetUri() != null ? changes.currentDatasetUri() : currentDatasetUri,
                changes.explainabilityReportUri() != null ? changes.explainabilityReportUri() : explainabilityReportUri,
                securityPosture, validationPipelineArn);
    }
}
