package org.modelgov.incident;

import java.util.Map;
import java.util.Optional;

/**
 * Port: moves an endpoint's traffic (SageMaker UpdateEndpointWeightsAndCapacities in AWS mode, a table
 * locally). Containment never touches the model artifact; it only shifts traffic to the fallback variant,
 * and records the previous weights so it can be undone.
 */
public interface DeploymentControl {

    String FALLBACK_VARIANT = "fallback";

    /** Traffic weights by variant. */
    Map<String, Double> weights(String endpointName);

    /**
     * Moves all traffic to the fallback variant. In a dry run nothing changes; the answer still says what
     * would have.
     */
    Containment breakGlass(String endpointName, String incidentId, String actor, String reason, boolean dryRun);

    /** Puts back the weights the last active containment replaced; empty when none is active. */
    Optional<Containment> restore(String endpointName, String actor);

    Optional<Containment> active(String endpointName);

    /** The weights of a break-glass: every variant at 0, the fallback at 1. */
    static Map<String, Double> allTrafficToFallback(Map<String, Double> previous) {
        Map<String, Double> applied = new java.util.TreeMap<>();
        previous.keySet().forEach(variant -> applied.put(variant, 0.0));
        applied.put(FALLBACK_VARIANT, 1.0);
        return applied;
    }

    record Containment(String id, String endpointName, Map<String, Double> previousWeights,
                       Map<String, Double> appliedWeights, boolean dryRun) {
    }
}
