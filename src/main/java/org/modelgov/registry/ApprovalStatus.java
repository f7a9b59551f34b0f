package org.modelgov.registry;

/** SageMaker's ModelApprovalStatus values. */
public enum ApprovalStatus {
    PendingManualApproval, Approved, Rejected
}
