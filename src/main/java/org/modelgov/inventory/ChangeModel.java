package org.modelgov.inventory;

import java.util.List;
import org.modelgov.common.FieldViolation;

/** Command: change some editable fields of an inventory entry (JSON merge patch semantics). */
public record ChangeModel(
        FieldUpdate<String> name,
        FieldUpdate<String> purpose,
        FieldUpdate<String> owner,
        FieldUpdate<String> ownerTeam,
        FieldUpdate<String> endpointName,
        FieldUpdate<String> modelPackageArn,
        FieldUpdate<String> intendedUse,
        FieldUpdate<String> evaluationDatasetUri,
        List<FieldViolation> malformed) {

    public ChangeModel {
        malformed = malformed == null ? List.of() : List.copyOf(malformed);
    }

    ModelDetails applyTo(ModelDetails d) {
        return new ModelDetails(
                name.applyTo(d.name()),
                purpose.applyTo(d.purpose()),
                owner.applyTo(d.owner()),
                ownerTeam.applyTo(d.ownerTeam()),
                new Deployment(endpointName.applyTo(d.deployment().endpointName()),
                        modelPackageArn.applyTo(d.deployment().modelPackageArn())),
                intendedUse.applyTo(d.intendedUse()),
                evaluationDatasetUri.applyTo(d.evaluationDatasetUri()));
    }
}
