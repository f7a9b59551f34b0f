package org.modelgov.drift;

import java.io.IOException;
import java.util.List;

import org.modelgov.fairness.json.Json;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Per-feature drift between a reference and a current data set, and the attribution drift when
 * attributions were given ({@code ndcg} null otherwise).
 */
public record DriftReport(long referenceRows, long currentRows, List<FeatureDrift> features, Double ndcg,
        double ndcgThreshold, java.util.Set<String> namedFeatures) implements Json.Report {

    /**
     * Category values are data: the report lists them only for the features the drift config names, and at most
     * this many per feature. Every other categorical feature reports how many categories it has.
     */
    public static final int MAX_REPORTED_CATEGORIES = 50;

    public DriftReport {
        features = List.copyOf(features);
        namedFeatures = namedFeatures == null ? java.util.Set.of() : java.util.Set.copyOf(namedFeatures);
    }

    public FeatureDrift feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + name));
    }

    @Override
    public void write(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("reference_rows", referenceRows);
        out.writeNumberField("current_rows", currentRows);
        out.writeArrayFieldStart("features");
        for (FeatureDrift f : features) {
            out.writeStartObject();
            out.writeStringField("name", f.name());
            out.writeStringField("type", f.numeric() ? "numeric" : "categorical");
            out.writeNumberField("psi", f.psi());
            if (f.numeric()) {
                out.writeNumberField("ks", f.ks());
                out.writeArrayFieldStart("bin_edges");
                for (double edge : f.binEdges()) {
                    out.writeNumber(edge);
                }
                out.writeEndArray();
            } else {
                out.writeNumberField("js", f.jensenShannon());
                out.writeNumberField("category_count", f.categories().size());
                if (namedFeatures.contains(f.name())) {
                    out.writeArrayFieldStart("categories");
                    for (String category : f.categories().subList(0,
                            Math.min(MAX_REPORTED_CATEGORIES, f.categories().size()))) {
                        out.writeString(category);
                    }
                    out.writeEndArray();
                    out.writeBooleanField("categories_truncated", f.categories().size() > MAX_REPORTED_CATEGORIES);
                }
            }
            out.writeNumberField("reference_count", f.referenceCount());
            out.writeNumberField("current_count", f.currentCount());
            out.writeNumberField("reference_missing", f.referenceMissing());
            out.writeNumberField("current_missing", f.currentMissing());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (ndcg != null) {
            out.writeObjectFieldStart("attribution_drift");
            out.writeNumberField("ndcg", ndcg);
            out.writeNumberField("threshold", ndcgThreshold);
            out.writeBooleanField("breach", ndcg < ndcgThreshold);
            out.writeEndObject();
        }
        out.writeEndObject();
    }
}
