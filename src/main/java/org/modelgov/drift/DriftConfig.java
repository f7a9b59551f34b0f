package org.modelgov.drift;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modelgov.fairness.json.Json;
import org.modelgov.fairness.json.JsonObject;

/**
 * Drift settings (all optional): {@code {"features": [...], "categorical": [...],
 * "attributions": {"reference": {"f": 0.3, ...}, "current": {...}}, "ndcg_threshold": 0.9}}.
 *
 * @param features              the columns to compare; null = every column of the reference header
 * @param categorical           columns to treat as categories even when they hold numbers
 * @param referenceAttributions global feature attributions (e.g. mean |SHAP|) of the baseline, or null
 * @param currentAttributions   the same for the current data, or null
 * @param ndcgThreshold         attribution drift is a breach when nDCG is below this (Model Monitor: 0.9)
 */
public record DriftConfig(List<String> features, Set<String> categorical, Map<String, Double> referenceAttributions,
        Map<String, Double> currentAttributions, double ndcgThreshold) {

    public static final double DEFAULT_NDCG_THRESHOLD = 0.9;

    public static DriftConfig defaults() {
        return new DriftConfig(null, Set.of(), null, null, DEFAULT_NDCG_THRESHOLD);
    }

    public static DriftConfig parse(InputStream json) {
        JsonObject root = JsonObject.of(Json.parse(json, "config"), "config");
        List<String> features = root.has("features") ? names(root, "features") : null;
        Set<String> categorical = root.has("categorical") ? Set.copyOf(names(root, "categorical")) : Set.of();
        Map<String, Double> reference = null;
        Map<String, Double> current = null;
        JsonObject attributions = root.object("attributions");
        if (attributions != null) {
            reference = attributions(attributions, "reference");
            current = attributions(attributions, "current");
        }
        Double threshold = root.number("ndcg_threshold");
        return new DriftConfig(features, categorical, reference, current, threshold == null ? DEFAULT_NDCG_THRESHOLD : threshold);
    }

    private static List<String> names(JsonObject node, String key) {
        List<String> names = new ArrayList<>();
        for (Object n : node.list(key)) {
            if (!(n instanceof String name)) {
                throw node.error(key, "must be a list of column names");
            }
            names.add(name);
        }
        return names;
    }

    private static Map<String, Double> attributions(JsonObject node, String key) {
        JsonObject values = node.object(key);
        if (values == null || values.asMap().isEmpty()) {
            throw node.error(key, "must map feature names to attribution values");
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (String feature : values.asMap().keySet()) {
            Double value = values.number(feature);
            if (value == null) {
                throw values.error(feature, "must be a number");
            }
            result.put(feature, value);
        }
        return result;
    }
}
