package org.modelgov.fairness.bias;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of Clarify's {@code pre_training_bias_metrics} / {@code post_training_bias_metrics} sections:
 * the label, its positive values or threshold, and per facet column the results of each selection.
 */
public record StageReport(String label, String labelValueOrThreshold, Map<String, List<FacetResult>> facets) {

    public StageReport {
        facets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }

    public FacetResult facet(String column, String valueOrThreshold) {
        return facets.getOrDefault(column, List.of()).stream()
                .filter(f -> f.valueOrThreshold().equals(valueOrThreshold)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no facet " + column + "=" + valueOrThreshold));
    }
}
