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

    RegistryService(ModelRegistry registry, InventoryService inventory, ValidationService validation,
                    ReviewService reviews, ValidationPolicy policy, AuditTrail audit) {
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

    /** Approves after checking the sign-off; the description names the approvers and the case. */
    @Transactional
    public RegistryEntry approve(String versionId, String validationRunId) {
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
        return set(versionId, ApprovalStatus.Approved, description, "Production", "Approved", "REGISTRY_APPROVED",
                String.join("+", approvers));
    }

    @Transactional
    public RegistryEntry reject(String versionId, String reason, String decidedBy) {
        return set(versionId, ApprovalStatus.Rejected, abbreviate("Rejected: " + reason), "Rejected", "Rejected",
                "REGISTRY_REJECTED", decidedBy);
    }

    @Transactional
    public RegistryEntry retire(String versionId, String reason, String decidedBy) {
        return set(versionId, ApprovalStatus.Rejected, abbreviate("Retired: " + reason), "Archived", "Retired",
                "REGISTRY_RETIRED", decidedBy);
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
