package org.modelgov.abtest;

import java.util.Map;

/** What both adapters accept as traffic weights: a variant name and a finite weight of at least 0 each. */
public final class Weights {

    private Weights() {
    }

    /** Throws {@link IllegalArgumentException} naming the first unusable entry. */
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
}
