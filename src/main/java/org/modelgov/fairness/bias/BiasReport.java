package org.modelgov.fairness.bias;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.modelgov.fairness.json.Json;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The result of a bias analysis, shaped like SageMaker Clarify's {@code analysis.json}. Either stage
 * is null when it was not requested.
 */
public record BiasReport(StageReport preTraining, StageReport postTraining) implements Json.Report {

    /**
     * Clarify's analysis.json: {@code {"version": "1.0", "pre_training_bias_metrics": {...},
     * "post_training_bias_metrics": {...}}}; infinite values are written as the strings
     * {@code "Infinity"} / {@code "-Infinity"}, a metric that failed as {@code "value": null} with
     * {@code "error"}.
     */
    @Override
    public void write(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("version", "1.0");
        if (preTraining != null) {
            out.writeFieldName("pre_training_bias_metrics");
            stage(out, preTraining);
        }
        if (postTraining != null) {
            out.writeFieldName("post_training_bias_metrics");
            stage(out, postTraining);
        }
        out.writeEndObject();
    }

    private static void stage(JsonGenerator out, StageReport stage) throws IOException {
        out.writeStartObject();
        out.writeStringField("label", stage.label());
        out.writeStringField("label_value_or_threshold", stage.labelValueOrThreshold());
        out.writeObjectFieldStart("facets");
        for (Map.Entry<String, List<FacetResult>> facet : stage.facets().entrySet()) {
            out.writeArrayFieldStart(facet.getKey());
            for (FacetResult result : facet.getValue()) {
                out.writeStartObject();
                out.writeStringField("value_or_threshold", result.valueOrThreshold());
                out.writeArrayFieldStart("metrics");
                for (MetricResult metric : result.metrics()) {
                    metric(out, metric);
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void metric(JsonGenerator out, MetricResult metric) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", metric.name());
        out.writeStringField("description", metric.description());
        if (metric.value() == null) {
            out.writeNullField("value");
            out.writeStringField("error", metric.error());
        } else {
            Json.writeNumber(out, "value", metric.value());
        }
        out.writeEndObject();
    }
}
