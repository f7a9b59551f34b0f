package org.modelgov.fairness.performance;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modelgov.fairness.json.Json;

import com.fasterxml.jackson.core.JsonGenerator;

/** Model performance overall and, per facet selection, for the facet (d) and for the rest (a). */
public record PerformanceReport(String label, String labelValueOrThreshold, PerformanceResult overall,
        Map<String, List<FacetPerformance>> facets) implements Json.Report {

    public PerformanceReport {
        facets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }

    /** Performance inside one facet selection and outside it. */
    public record FacetPerformance(String valueOrThreshold, PerformanceResult facet, PerformanceResult rest) {
    }

    @Override
    public void write(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("label", label);
        out.writeStringField("label_value_or_threshold", labelValueOrThreshold);
        out.writeFieldName("overall");
        result(out, overall);
        out.writeObjectFieldStart("facets");
        for (Map.Entry<String, List<FacetPerformance>> entry : facets.entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (FacetPerformance f : entry.getValue()) {
                out.writeStartObject();
                out.writeStringField("value_or_threshold", f.valueOrThreshold());
                out.writeFieldName("facet");
                result(out, f.facet());
                out.writeFieldName("rest");
                result(out, f.rest());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void result(JsonGenerator out, PerformanceResult r) throws IOException {
        ClassificationMetrics c = r.classification();
        out.writeStartObject();
        out.writeNumberField("rows", c.rows());
        out.writeObjectFieldStart("confusion_matrix");
        out.writeNumberField("TP", c.truePositives());
        out.writeNumberField("FP", c.falsePositives());
        out.writeNumberField("TN", c.trueNegatives());
        out.writeNumberField("FN", c.falseNegatives());
        out.writeEndObject();
        out.writeNumberField("accuracy", c.accuracy());
        out.writeNumberField("precision", c.precision());
        out.writeNumberField("recall", c.recall());
        out.writeNumberField("specificity", c.specificity());
        out.writeNumberField("f1", c.f1());
        if (r.logLoss() != null || r.aucRocError() != null) {
            if (r.aucRoc() != null) {
                out.writeNumberField("auc_roc", r.aucRoc());
            } else {
                out.writeNullField("auc_roc");
                out.writeStringField("auc_roc_error", r.aucRocError());
            }
            if (r.logLoss() != null) {
                out.writeNumberField("log_loss", r.logLoss());
                out.writeNumberField("brier_score", r.brierScore());
            }
        }
        out.writeEndObject();
    }
}
