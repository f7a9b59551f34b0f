package org.modelgov.inventory.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.modelgov.inventory.ChangeModel;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelDetails;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RegisterModel;
import org.modelgov.inventory.RegisterVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.inventory.SecurityPosture;
import org.modelgov.inventory.ValidationInputs;
import org.modelgov.inventory.VersionStatus;
import org.modelgov.web.JsonInput;

/** The inventory's JSON: requests read into commands, models written as responses. */
final class ModelJson {

    static final String SET_BY_LIFECYCLE = "is set by the governance lifecycle and cannot be written";
    static final String SET_BY_MODELGOV = "is set by ModelGov and cannot be written";
    private static final Set<String> MODEL_FIELDS = Set.of("id", "name", "purpose", "riskTier", "owner", "ownerTeam",
            "deployment", "intendedUse", "evaluationDatasetUri", "status", "nextReviewDue", "createdAt", "updatedAt",
            "createdBy");
    private static final Set<String> DEPLOYMENT_FIELDS = Set.of("endpointName", "modelPackageArn");
    private static final Set<String> VERSION_FIELDS = Set.of("id", "modelId", "number", "label", "description",
            "modelPackageArn", "artifactUri", "evaluationDatasetUri", "analysisConfigUri", "referenceDatasetUri",
            "currentDatasetUri", "explainabilityReportUri", "securityPosture", "validationPipelineArn", "status",
            "registeredBy", "createdAt",
            "lifecycle");
    private static final Set<String> POSTURE_FIELDS = Set.of("kmsKeyId", "networkIsolation", "vpc", "dataCapture",
            "interContainerEncryption");

    private ModelJson() {
    }

    /** POST /api/models. The owner defaults to the person registering. */
    static RegisterModel registration(JsonNode body, String caller) {
        JsonInput in = JsonInput.body(body);
        in.onlyKnown(MODEL_FIELDS);
        in.readOnly(SET_BY_LIFECYCLE, "riskTier", "status", "nextReviewDue");
        in.readOnly(SET_BY_MODELGOV, "createdAt", "updatedAt", "createdBy");
        String owner = in.text("owner");
        JsonInput deployment = in.object("deployment");
        deployment.onlyKnown(DEPLOYMENT_FIELDS);
        ModelDetails details = new ModelDetails(in.text("name"), in.multiLineText("purpose"),
                owner == null && !in.isNull("owner") ? caller : owner, in.text("ownerTeam"),
                new Deployment(deployment.text("endpointName"), deployment.text("modelPackageArn")),
                in.multiLineText("intendedUse"), in.text("evaluationDatasetUri"));
        String id = in.text("id");
        return new RegisterModel(id, details, in.problems());
    }

    /** PATCH /api/models/{id}: JSON merge patch (RFC 7396) of the editable fields. */
    static ChangeModel change(JsonNode body) {
        JsonInput in = JsonInput.body(body);
        in.onlyKnown(MODEL_FIELDS);
        in.readOnly("cannot be changed: a model keeps its id (register a new model instead)", "id");
        in.readOnly(SET_BY_LIFECYCLE, "riskTier", "status", "nextReviewDue");
        in.readOnly(SET_BY_MODELGOV, "createdAt", "updatedAt", "createdBy");
        boolean clearDeployment = in.isNull("deployment");
        JsonInput deployment = in.object("deployment");
        deployment.onlyKnown(DEPLOYMENT_FIELDS);
        var endpoint = clearDeployment ? org.modelgov.inventory.FieldUpdate.<String>set(null)
                : deployment.update("endpointName");
        var arn = clearDeployment ? org.modelgov.inventory.FieldUpdate.<String>set(null)
                : deployment.update("modelPackageArn");
        return new ChangeModel(in.update("name"), in.multiLineUpdate("purpose"), in.update("owner"),
                in.update("ownerTeam"), endpoint, arn, in.multiLineUpdate("intendedUse"),
                in.update("evaluationDatasetUri"), in.problems());
    }

    /** POST /api/models/{id}/versions. */
    static RegisterVersion versionRegistration(JsonNode body) {
        JsonInput in = JsonInput.body(body);
        in.onlyKnown(VERSION_FIELDS);
        in.readOnly(SET_BY_MODELGOV, "id", "modelId", "number", "registeredBy", "createdAt");
        in.readOnly(SET_BY_LIFECYCLE, "status", "lifecycle");
        JsonInput posture = in.object("securityPosture");
        posture.onlyKnown(POSTURE_FIELDS);
        ValidationInputs validation = new ValidationInputs(in.text("analysisConfigUri"), in.text("referenceDatasetUri"),
                in.text("currentDatasetUri"), in.text("explainabilityReportUri"),
                new SecurityPosture(posture.text("kmsKeyId"), posture.bool("networkIsolation"), posture.bool("vpc"),
                        posture.bool("dataCapture"), posture.bool("interContainerEncryption")),
                in.text("validationPipelineArn"));
        return new RegisterVersion(in.text("label"), in.multiLineText("description"), in.text("modelPackageArn"),
                in.text("artifactUri"), in.text("evaluationDatasetUri"), validation, in.problems());
    }

    record DeploymentResponse(String endpointName, String modelPackageArn) {
    }

    record ModelResponse(String id, String name, String purpose, RiskTier riskTier, String owner, String ownerTeam,
                         DeploymentResponse deployment, String intendedUse, String evaluationDatasetUri,
                         ModelStatus status, LocalDate nextReviewDue, String createdBy, Instant createdAt,
                         Instant updatedAt) {

        static ModelResponse of(Model m) {
            return new ModelResponse(m.id(), m.name(), m.purpose(), m.riskTier(), m.owner(), m.ownerTeam(),
                    new DeploymentResponse(m.deployment().endpointName(), m.deployment().modelPackageArn()),
                    m.intendedUse(), m.evaluationDatasetUri(), m.status(), m.nextReviewDue(), m.createdBy(),
                    m.createdAt(), m.updatedAt());
        }
    }

    record VersionResponse(String id, String modelId, int number, String label, String description,
                           String modelPackageArn, String artifactUri, String evaluationDatasetUri,
                           String analysisConfigUri, String referenceDatasetUri, String currentDatasetUri,
                           String explainabilityReportUri, SecurityPosture securityPosture,
                           String validationPipelineArn, VersionStatus status, String registeredBy, Instant createdAt, LifecycleResponse lifecycle) {

        static VersionResponse of(ModelVersion v, LifecycleResponse lifecycle) {
            ValidationInputs in = v.validation();
            return new VersionResponse(v.id(), v.modelId(), v.number(), v.label(), v.description(),
                    v.modelPackageArn(), v.artifactUri(), v.evaluationDatasetUri(), in.analysisConfigUri(),
                    in.referenceDatasetUri(), in.currentDatasetUri(), in.explainabilityReportUri(),
                    in.securityPosture(), in.validationPipelineArn(), v.status(), v.registeredBy(), v.createdAt(),
                    lifecycle);
        }
    }

    /** Where the version's governance lifecycle stands; null when none was started. */
    record LifecycleResponse(String processInstanceId, boolean ended, java.util.List<String> waitingAt) {
    }
}
