package org.modelgov.drift;

import java.util.List;

/**
 * Drift of one feature. Numeric features have {@code ks} and {@code binEdges}; categorical ones
 * {@code jensenShannon} and {@code categories}. Empty cells are counted as missing and left out.
 */
public record FeatureDrift(String name, boolean numeric, double psi, Double ks, Double jensenShannon,
        List<Double> binEdges, List<String> categories, long referenceCount, long currentCount,
        long referenceMissing, long currentMissing) {
}
