package org.modelgov.inventory;

/** Where a model stands in its governance lifecycle; only the lifecycle moves it past PROPOSED. */
public enum ModelStatus {
    /** Registered in the inventory, governance not yet started. */
    PROPOSED,
    /** Risk assessment, validation or sign-off under way. */
    IN_REVIEW,
    /** Signed off and approved in the model registry. */
    APPROVED,
    IN_PRODUCTION,
    /** An incident is open; containment may have moved traffic away. */
    UNDER_INCIDENT,
    /** Approval suspended (break-glass); must not serve decisions. */
    SUSPENDED,
    REJECTED,
    RETIRED
}
