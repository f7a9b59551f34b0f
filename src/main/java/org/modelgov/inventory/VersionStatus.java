package org.modelgov.inventory;

/** Governance state of one model version. */
public enum VersionStatus {
    REGISTERED, IN_REVIEW, APPROVED, REJECTED, RETIRED
}
