package org.modelgov.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.modelgov.audit.AuditTrail;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.review.ReviewService;
import org.modelgov.validation.ValidationPolicy;
import org.modelgov.validation.ValidationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way a version becomes Approved in the model registry: a passed validation round and enough
 * distinct sign-offs of that round (the {@code GovernancePolicy} decision), checked here again rather than
 * trusted from process variables. Rejection and retirement set the registry to Rejected.
 */
@Service
public class RegistryService {

    private final ModelRegistry registry;
    private final InventoryService inventory;
    private final ValidationService validation;
    private final ReviewService reviews;
    private final ValidationPolicy policy;
    private final AuditTrail audit;
    private final RegistryIntents intents;

    RegistryService(ModelRegistry registry, InventoryService inventory, ValidationService validation,
                    ReviewService reviews, ValidationPolicy policy, AuditTrail audit,
                    RegistryIntents intents) {
        this.intents = intents;
        this.registry = registry;
        this.inventory = inventory;
        this.validation = validation;
        this.reviews = reviews;
        this.policy = policy;
        this.audit = audit;
    }

    @Transactional
    public void registerPending(String versionId) {
        ModelVersion version = inventory.version(versionId);
        registry.registerPending(versionId, version.modelPackageArn());
    }

    /**
     * Decides the approval after checking the sign-off, and keeps the decision before the registry is changed: the
     * registry guard trusts it, so a call in flight is never taken for an out-of-band approval. The description
     * names the approvers and the case.
     */
    @Transactional
    public RegistryIntents.Intent decideApproval(String versionId, String validationRunId) {
        var run = validation.run(validationRunId);
        if (!run.versionId().equals(versionId) || run.purpose() != org.modelgov.validation.CheckRun.Purpose.VALIDATION
                || !"PASSED".equals(run.outcome())) {
            throw new IllegalStateException("Refusing to approve " + versionId + ": validation round " + validationRunId
                    + " of it did not pass");
        }
        Set<String> approvers = reviews.approvers(versionId, validationRunId);
        // the tier recorded for this round decides, not the model's tier now
        int required = policy.governance(run.riskTier()).requiredApprovals();
        if (approvers.size() < required) {
            throw new IllegalStateException("Refusing to approve " + versionId + ": " + required
                    + " distinct sign-offs are required, found " + approvers.size() + " " + approvers);
        }
        String description = "Approved by " + String.join(", ", approvers) + " (ModelGov case " + versionId
                + ", validation round " + validationRunId + ")";
        return decide(new RegistryIntents.Intent(versionId, RegistryIntents.Decision.APPROVE, description,
                String.join("+", approvers)));
    }

    /** Keeps a rejection or retirement decision before the registry, card and pipeline are told. */
    @Transactional
    public RegistryIntents.Intent decide(RegistryIntents.Intent intent) {
        if (!intents.find(intent.versionId()).equals(java.util.Optional.of(intent))) {
            intents.record(intent);
            audit.record(intent.decidedBy(), "REGISTRY_" + intent.decision() + "_DECIDED", "MODEL_VERSION",
                    intent.versionId(), java.util.Map.of("approvalDescription", intent.description()));
        }
        return intent;
    }

    /** The decision ModelGov keeps for the version; every step that carries it out reads it from here. */
    @Transactional(readOnly = true)
    public RegistryIntents.Intent decision(String versionId) {
        return intents.find(versionId).orElseThrow(() -> new IllegalStateException(
                "ModelGov has not decided " + versionId + " for the registry yet"));
    }

    /** Carries out the kept decision in the registry (SageMaker in AWS mode), once: a retry changes nothing. */
    @Transactional
    public RegistryEntry apply(String versionId) {
        RegistryIntents.Intent intent = decision(versionId);
        return switch (intent.decision()) {
            case APPROVE -> set(versionId, ApprovalStatus.Approved, intent.description(), "Production", "Approved",
                    "REGISTRY_APPROVED", intent.decidedBy());
            case REJECT -> set(versionId, ApprovalStatus.Rejected, abbreviate("Rejected: " + intent.description()),
                    "Rejected", "Rejected", "REGISTRY_REJECTED", intent.decidedBy());
            case RETIRE -> set(versionId, ApprovalStatus.Rejected, abbreviate("Retired: " + intent.description()),
                    "Archived", "Retired", "REGISTRY_RETIRED", intent.decidedBy());
        };
    }

    /** Whether ModelGov approved the version, or has decided to and is carrying it out. */
    @Transactional(readOnly = true)
    public boolean approvedByModelGov(String versionId) {
        return registry.find(versionId).map(e -> e.approvalStatus() == ApprovalStatus.Approved).orElse(false)
                || intents.find(versionId).map(i -> i.decision() == RegistryIntents.Decision.APPROVE).orElse(false);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<RegistryEntry> find(String versionId) {
        return registry.find(versionId);
    }

    private RegistryEntry set(String versionId, ApprovalStatus status, String description, String stage,
                              String stageStatus, String action, String decidedBy) {
        ModelVersion version = inventory.version(versionId);
        registry.registerPending(versionId, version.modelPackageArn());
        RegistryEntry before = registry.find(versionId).orElseThrow();
        if (before.approvalStatus() == status && description.equals(before.approvalDescription())) {
            return before; // a retried job
        }
        registry.setStatus(versionId, status, description, stage, stageStatus);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approvalStatus", status.name());
        details.put("approvalDescription", description);
        details.put("stage", stage);
        details.put("modelPackageArn", version.modelPackageArn());
        // the registry moves because of a person's decision: the audit names them
        audit.record(decidedBy, action, "MODEL_VERSION", versionId, details);
        return registry.find(versionId).orElseThrow();
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
