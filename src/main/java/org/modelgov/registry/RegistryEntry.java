package org.modelgov.registry;

import java.time.Instant;

/** A version as the model registry knows it: approval status and lifecycle stage (SageMaker's ModelLifeCycle). */
public record RegistryEntry(String versionId, ApprovalStatus approvalStatus, String approvalDescription, String stage,
                            String stageStatus, Instant updatedAt) {
}
