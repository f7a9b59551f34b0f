package org.modelgov.common;

import java.util.Arrays;
import java.util.Optional;

/** The governance roles of DESIGN.md; each is a Camunda group with this id. */
public enum GovernanceRole {
    MODEL_OWNER("model-owners", "Model owners"),
    RISK_OFFICER("risk-officers", "Risk officers"),
    VALIDATOR("validators", "Validators"),
    ETHICS_REVIEWER("ethics-reviewers", "Ethics reviewers"),
    BUSINESS_OWNER("business-owners", "Business owners"),
    COMMITTEE_MEMBER("model-risk-committee", "Model risk committee"),
    INCIDENT_RESPONDER("incident-responders", "Incident responders"),
    COMPLIANCE_OFFICER("compliance-officers", "Compliance officers"),
    GOVERNANCE_ADMIN("governance-admins", "Governance administrators");

    /** Camunda's own administrators group (full access to the engine and its apps). */
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";
    /**
     * The identity EventBridge posts GuardDuty findings with (an API destination's Basic auth user): a user only in
     * this group may post findings and read nothing (SecurityConfig); it is no governance role and has no Camunda
     * authorization.
     */
    public static final String SECURITY_INTEGRATION_GROUP = "security-integrations";
    /**
     * The identity a monitoring pipeline posts an endpoint's per-variant metric samples with (local mode's stand-in
     * for CloudWatch): like the security integration, it may post those and read nothing. The people who build a
     * model do not supply the figures that decide its A/B promotion.
     */
    public static final String MONITORING_INTEGRATION_GROUP = "monitoring-integrations";
    /** Machine identities: each may make its one kind of call and read nothing. */
    public static final java.util.Set<String> INTEGRATION_GROUPS = java.util.Set.of(SECURITY_INTEGRATION_GROUP,
            MONITORING_INTEGRATION_GROUP);

    private final String groupId;
    private final String displayName;

    GovernanceRole(String groupId, String displayName) {
        this.groupId = groupId;
        this.displayName = displayName;
    }

    public String groupId() {
        return groupId;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<GovernanceRole> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }
}
