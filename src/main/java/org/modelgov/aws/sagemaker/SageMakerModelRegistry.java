package org.modelgov.aws.sagemaker;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.modelgov.inventory.ModelRepository;
import org.modelgov.registry.ApprovalStatus;
import org.modelgov.registry.ModelPackageCatalog;
import org.modelgov.registry.ModelRegistry;
import org.modelgov.registry.RegistryEntry;
import org.modelgov.registry.local.RegistryTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelLifeCycle;

/**
 * AWS mode: a version with a model package ARN is approved or rejected in the SageMaker Model Registry
 * (UpdateModelPackage: ModelApprovalStatus, ApprovalDescription, ModelLifeCycle), and ModelGov's registry table
 * keeps a copy that is written only after SageMaker accepted the change. A version without an ARN lives in the
 * table only. Idempotent: the package is described first and a change it already has is not sent again.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class SageMakerModelRegistry implements ModelRegistry {

    /** UpdateModelPackage's ApprovalDescription and ModelLifeCycle's StageDescription: at most 1024 characters. */
    static final int MAX_DESCRIPTION = 1024;
    /** ModelLifeCycle's Stage and StageStatus: the EntityName pattern, 1 to 63 characters. */
    static final int MAX_STAGE = 63;
    /** The stage columns of registry_entry. */
    private static final int LOCAL_STAGE_COLUMN = 30;
    private static final Logger log = LoggerFactory.getLogger(SageMakerModelRegistry.class);

    private final SageMakerClient sageMaker;
    private final ModelRepository models;
    private final RegistryTable table;
    private final Set<String> reportedLocalOnly = ConcurrentHashMap.newKeySet();

    SageMakerModelRegistry(SageMakerClient sageMaker, ModelRepository models, JdbcClient jdbc, Clock clock) {
        this.sageMaker = sageMaker;
        this.models = models;
        this.table = new RegistryTable(jdbc, clock);
    }

    @Override
    public void registerPending(String versionId, String modelPackageArn) {
        if (table.find(versionId).isPresent()) {
            return;
        }
        if (modelPackageArn == null) {
            reportLocalOnly(versionId);
            table.insertIfAbsent(versionId, ApprovalStatus.PendingManualApproval, null, "Development",
                    "PendingApproval");
            return;
        }
        DescribeModelPackageResponse current = describe(versionId, modelPackageArn);
        ModelLifeCycle lifeCycle = current.modelLifeCycle();
        record(versionId, modelPackageArn, current.modelApprovalStatus() == null ? null
                        : current.modelApprovalStatusAsString(), current.approvalDescription(),
                lifeCycle == null ? null : lifeCycle.stage(), lifeCycle == null ? null : lifeCycle.stageStatus());
    }

    /** Registration described the package already (ModelPackageCatalog): its answer is recorded, not asked again. */
    @Override
    public void registerDescribed(String versionId, ModelPackageCatalog.PackageFacts described) {
        if (table.find(versionId).isEmpty()) {
            record(versionId, described.arn(), described.approvalStatus(), described.approvalDescription(),
                    described.stage(), described.stageStatus());
        }
    }

    private void record(String versionId, String arn, String approvalStatus, String description, String stage,
                        String stageStatus) {
        ApprovalStatus status = approvalStatus == null || ModelApprovalStatus.fromValue(approvalStatus)
                == ModelApprovalStatus.UNKNOWN_TO_SDK_VERSION
                ? ApprovalStatus.PendingManualApproval : ApprovalStatus.valueOf(approvalStatus);
        if (status != ApprovalStatus.PendingManualApproval) {
            log.info("Model package {} of {} is already {} in SageMaker; ModelGov records that", arn, versionId,
                    status);
        }
        table.insertIfAbsent(versionId, status, description,
                stage == null ? "Development" : cut(stage, LOCAL_STAGE_COLUMN),
                stageStatus == null ? "PendingApproval" : cut(stageStatus, LOCAL_STAGE_COLUMN));
    }

    @Override
    public void setStatus(String versionId, ApprovalStatus status, String description, String stage,
                          String stageStatus) {
        String arn = models.version(versionId)
                .orElseThrow(() -> new IllegalArgumentException("No model version " + versionId)).modelPackageArn();
        if (arn == null) {
            reportLocalOnly(versionId);
            table.update(versionId, status, description, stage, stageStatus);
            return;
        }
        String approvalDescription = truncate(description, MAX_DESCRIPTION);
        ModelApprovalStatus approval = ModelApprovalStatus.fromValue(status.name());
        ModelLifeCycle lifeCycle = ModelLifeCycle.builder()
                .stage(lifeCycleName("stage", stage))
                .stageStatus(lifeCycleName("stage status", stageStatus))
                .stageDescription(approvalDescription)
                .build();
        DescribeModelPackageResponse current = describe(versionId, arn);
        if (current.modelApprovalStatus() == approval
                && Objects.equals(current.approvalDescription(), approvalDescription)
                && lifeCycle.equals(current.modelLifeCycle())) {
            log.info("Model package {} of {} is already {} at stage {}: not updated again", arn, versionId, status,
                    lifeCycle.stage());
        } else {
            SageMakerCallFailed.call("UpdateModelPackage", versionId + " (" + arn + ")",
                    () -> sageMaker.updateModelPackage(r -> r.modelPackageArn(arn)
                            .modelApprovalStatus(approval)
                            .approvalDescription(approvalDescription)
                            .modelLifeCycle(lifeCycle)));
            log.info("Model package {} of {} set to {} at stage {}/{}", arn, versionId, status, lifeCycle.stage(),
                    lifeCycle.stageStatus());
        }
        // only now, after SageMaker has the change: a failed call above leaves the local row as it was
        table.update(versionId, status, approvalDescription, stage, stageStatus);
    }

    @Override
    public Optional<RegistryEntry> find(String versionId) {
        return table.find(versionId);
    }

    private DescribeModelPackageResponse describe(String versionId, String arn) {
        try {
            return sageMaker.describeModelPackage(r -> r.modelPackageName(arn));
        } catch (SdkException e) {
            if (e instanceof AwsServiceException service && isMissing(service)) {
                throw new SageMakerCallFailed("Model package " + arn + " of " + versionId
                        + " does not exist in SageMaker (" + SageMakerCallFailed.describe(e)
                        + "); correct the version's model package ARN", e);
            }
            throw new SageMakerCallFailed("SageMaker DescribeModelPackage failed for " + versionId + " (" + arn
                    + "): " + SageMakerCallFailed.describe(e), e);
        }
    }

    /** SageMaker answers a missing package with a 400 ValidationException "... does not exist" (or ResourceNotFound). */
    private static boolean isMissing(AwsServiceException e) {
        if (e.statusCode() != 400 || e.awsErrorDetails() == null) {
            return false;
        }
        String message = String.valueOf(e.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT);
        return "ResourceNotFound".equals(e.awsErrorDetails().errorCode()) || message.contains("does not exist");
    }

    private void reportLocalOnly(String versionId) {
        if (reportedLocalOnly.add(versionId)) {
            log.info("Version {} has no model package ARN: it is in ModelGov's registry table only, not in SageMaker",
                    versionId);
        }
    }

    /**
     * ModelGov's stage words as ModelLifeCycle names ({@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}): other characters
     * become dashes. Today's stages (Production, Approved, Rejected, Archived, Retired) pass unchanged.
     */
    static String lifeCycleName(String what, String value) {
        String name = value == null ? "" : value.trim().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        name = cut(name, MAX_STAGE).replaceAll("-+$", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The model life cycle " + what + " must contain a letter or digit, got '"
                    + value + "'");
        }
        return name;
    }

    /** Cuts to at most {@code max} characters, ending with … when cut, never splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
