package org.modelgov.incident.guardduty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.modelgov.inventory.InventoryService;
import org.springframework.stereotype.Component;

/**
 * Which models a finding is about, and why, by the resources it names (every lookup by index):
 * <ul>
 * <li>a SageMaker endpoint: the model deployed at it (inventory);</li>
 * <li>an S3 bucket: every model with a version whose artifact, dataset, analysis-config or report URI is in that
 *     bucket, and every model that declared the bucket;</li>
 * <li>an IAM role: every model that declared it as its SageMaker execution role.</li>
 * </ul>
 * A finding can be about several models; each gets its own incident.
 */
@Component
class FindingMatcher {

    private final InventoryService inventory;
    private final SecurityFindingRepository findings;
    private final ModelAwsResourceRepository declared;

    FindingMatcher(InventoryService inventory, SecurityFindingRepository findings,
                   ModelAwsResourceRepository declared) {
        this.inventory = inventory;
        this.findings = findings;
        this.declared = declared;
    }

    /** Model id → the resources that tie the finding to it, in a stable order. */
    Map<String, List<String>> modelsNamedBy(GuardDutyFinding.Resources resources) {
        Map<String, List<String>> matches = new TreeMap<>();
        resources.endpoints().stream().sorted().forEach(endpoint -> inventory.findByEndpoint(endpoint)
                .ifPresent(model -> add(matches, model.id(), "endpoint " + endpoint)));
        resources.buckets().stream().sorted().forEach(bucket -> {
            findings.modelsUsingBucket(bucket).forEach(model -> add(matches, model, "bucket " + bucket));
            declared.modelsDeclaring(ModelAwsResourceRepository.Kind.BUCKET, bucket)
                    .forEach(model -> add(matches, model, "bucket " + bucket));
        });
        resources.roles().stream().sorted().forEach(role -> declared
                .modelsDeclaring(ModelAwsResourceRepository.Kind.EXECUTION_ROLE, role)
                .forEach(model -> add(matches, model, "execution role " + role)));
        return matches;
    }

    private static void add(Map<String, List<String>> matches, String modelId, String reason) {
        List<String> reasons = matches.computeIfAbsent(modelId, id -> new ArrayList<>());
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }
}
