package org.modelgov.registry;

import java.util.Optional;

/**
 * Port: the model registry (SageMaker Model Registry in AWS mode, ModelGov's own table locally). Every
 * call is idempotent, so a retried job changes nothing twice.
 */
public interface ModelRegistry {

    /** Registers the version as pending manual approval, unless it is already known. */
    void registerPending(String versionId, String modelPackageArn);

    /** As {@link #registerPending(String, String)}, from the package's description made at registration. */
    default void registerDescribed(String versionId, ModelPackageCatalog.PackageFacts described) {
        registerPending(versionId, described.arn());
    }

    void setStatus(String versionId, ApprovalStatus status, String description, String stage, String stageStatus);

    Optional<RegistryEntry> find(String versionId);
}
