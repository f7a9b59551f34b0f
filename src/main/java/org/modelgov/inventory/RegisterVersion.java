package org.modelgov.inventory;

import java.util.List;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.Violations;

/**
 * Command: register a new version of a model. The number is assigned (1, 2, 3 ...); the label is
 * the team's own name for it (e.g. {@code 2.1.0}), unique per model.
 */
public record RegisterVersion(
        String label,
        String description,
        String modelPackageArn,
        String artifactUri,
        String evaluationDatasetUri,
        ValidationInputs validation,
        List<FieldViolation> malformed) {

    public RegisterVersion {
        malformed = malformed == null ? List.of() : List.copyOf(malformed);
        validation = validation == null ? ValidationInputs.NONE : validation;
    }

    Violations check() {
        Violations v = new Violations().addAll(malformed);
        ModelDetails.checkUnlessReported(v, "label", () -> v.optionalPattern("label", label, 64,
                InventoryRules.VERSION_LABEL,
                "must be letters, digits and . _ + - (like 2.1.0), starting with a letter or digit"));
        ModelDetails.checkUnlessReported(v, "description", () -> v.optionalText("description", description, 4000));
        ModelDetails.checkUnlessReported(v, "modelPackageArn",
                () -> InventoryRules.modelPackageArn(v, "modelPackageArn", modelPackageArn));
        ModelDetails.checkUnlessReported(v, "artifactUri",
                () -> InventoryRules.dataUri(v, "artifactUri", artifactUri));
        ModelDetails.checkUnlessReported(v, "evaluationDatasetUri",
                () -> InventoryRules.dataUri(v, "evaluationDatasetUri", evaluationDatasetUri));
        validation.check(v);
        return v;
    }
}
