package org.modelgov.inventory;

import org.modelgov.common.Violations;

/** The parts of an inventory entry that people edit (everything but id, tier, status and dates). */
public record ModelDetails(
        String name,
        String purpose,
        String owner,
        String ownerTeam,
        Deployment deployment,
        String intendedUse,
        String evaluationDatasetUri) {

    public ModelDetails {
        deployment = deployment == null ? Deployment.NONE : deployment;
    }

    /** Adds a violation for every field that breaks a rule, skipping fields already reported. */
    void check(Violations v) {
        checkUnlessReported(v, "name", () -> v.requireText("name", name, 200));
        checkUnlessReported(v, "purpose", () -> v.requireText("purpose", purpose, 2000));
        checkUnlessReported(v, "owner", () -> InventoryRules.userId(v, "owner", owner));
        checkUnlessReported(v, "ownerTeam", () -> v.optionalText("ownerTeam", ownerTeam, 200));
        checkUnlessReported(v, "deployment.endpointName",
                () -> InventoryRules.endpointName(v, "deployment.endpointName", deployment.endpointName()));
        checkUnlessReported(v, "deployment.modelPackageArn",
                () -> InventoryRules.modelPackageArn(v, "deployment.modelPackageArn", deployment.modelPackageArn()));
        checkUnlessReported(v, "intendedUse", () -> v.optionalText("intendedUse", intendedUse, 4000));
        checkUnlessReported(v, "evaluationDatasetUri",
                () -> InventoryRules.dataUri(v, "evaluationDatasetUri", evaluationDatasetUri));
    }

    static void checkUnlessReported(Violations v, String field, Runnable check) {
        if (!v.has(field)) {
            check.run();
        }
    }
}
