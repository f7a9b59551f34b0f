package org.modelgov.abtest;

import java.util.Map;
import java.util.Optional;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.incident.DeploymentControl.Containment;

/** What both adapters accept as traffic weights, and when. */
public final class Weights {

    private Weights() {
    }

    /** A variant name and a finite weight of at least 0 each; else an {@link IllegalArgumentException} naming it. */
    public static void check(String endpointName, Map<String, Double> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("No weights given for endpoint " + endpointName);
        }
        weights.forEach((variant, weight) -> {
            if (variant == null || variant.isBlank()) {
                throw new IllegalArgumentException("A weight for endpoint " + endpointName + " names no variant");
            }
            if (weight == null || weight.isNaN() || weight.isInfinite() || weight < 0) {
                throw new IllegalArgumentException("Weight " + weight + " of variant " + variant + " on endpoint "
                        + endpointName + " must be a number of at least 0");
            }
        });
    }

    /**
     * While break-glass holds the endpoint on its fallback, no variant but the fallback may get more traffic than it
     * has: that would quietly undo the containment. Taking traffic away (a failed challenger back to 0) is fine.
     * Refused with an {@link IllegalStateException}, so the calling step fails and is retried until responders have
     * restored the endpoint.
     */
    public static void refuseMoreTrafficWhileContained(String endpointName, Optional<Containment> active,
                                                       Map<String, Double> current, Map<String, Double> requested) {
        if (active.isEmpty()) {
            return;
        }
        requested.forEach((variant, weight) -> {
            if (!DeploymentControl.FALLBACK_VARIANT.equals(variant) && weight > current.getOrDefault(variant, 0.0)) {
                throw new IllegalStateException("Endpoint " + endpointName + " is contained by break-glass ("
                        + active.get().id() + "): variant " + variant + " may not get more traffic until responders"
                        + " restore the endpoint");
            }
        });
    }
}
