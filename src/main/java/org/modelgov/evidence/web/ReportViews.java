package org.modelgov.evidence.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.validation.Threshold;
import org.modelgov.web.charts.BarChart;

/**
 * Turns a stored report's JSON into what its page shows: tables and charts. Pure reading, no I/O: the JSON is the
 * one the metrics wrote (Clarify's analysis.json for bias; ModelGov's performance and drift reports).
 */
final class ReportViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> PERFORMANCE_METRICS = List.of("accuracy", "precision", "recall", "specificity", "f1",
            "auc_roc");

    private ReportViews() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored report is not JSON", e);
        }
    }

    /** A number in a report: Clarify writes infinities as strings and failed metrics as null. */
    static Double number(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            return switch (value.asText()) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> null;
            };
        }
        return null;
    }

    // ---- bias ----

    record MetricRow(String facet, Double value, String shown, String verdict, String error) {
    }

    record MetricChart(String stage, String metric, String description, String bounds, String svg,
                       List<MetricRow> rows) {
    }

    /** One chart per stage and metric, a bar per facet selection, against the metric's bounds. */
    static List<MetricChart> bias(JsonNode report, PolicyBounds policy) {
        List<MetricChart> charts = new ArrayList<>();
        stage(report.path("pre_training_bias_metrics"), "Pre-training", policy, charts);
        stage(report.path("post_training_bias_metrics"), "Post-training", policy, charts);
        return charts;
    }

    private static void stage(JsonNode stage, String stageName, PolicyBounds policy, List<MetricChart> into) {
        if (!stage.isObject()) {
            return;
        }
        Map<String, List<MetricRow>> byMetric = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        stage.path("facets").properties().forEach(column -> {
            for (JsonNode selection : column.getValue()) {
                String facet = column.getKey() + " = " + selection.path("value_or_threshold").asText();
                for (JsonNode metric : selection.path("metrics")) {
                    String name = metric.path("name").asText();
                    descriptions.putIfAbsent(name, metric.path("description").asText(""));
                    Double value = number(metric.path("value"));
                    List<Threshold> bounds = policy.of(name);
                    String error = metric.hasNonNull("error") ? metric.path("error").asText() : null;
                    byMetric.computeIfAbsent(name, n -> new ArrayList<>()).add(new MetricRow(facet, value,
                            BarChart.format(value), PolicyBounds.verdict(value, bounds), error));
                }
            }
        });
        byMetric.forEach((name, rows) -> {
            List<Threshold> bounds = policy.of(name);
            BarChart chart = BarChart.titled(stageName + " " + name + " per facet").rows("metric-bar", "facet");
            for (MetricRow row : rows) {
                chart.bar(row.facet(), row.value(), row.verdict());
            }
            PolicyBounds.draw(chart, bounds);
            into.add(new MetricChart(stageName, name, descriptions.get(name), PolicyBounds.describe(bounds),
                    chart.toSvg(), rows));
        });
    }

    // ---- performance ----

    record MetricValue(String name, Double value, String shown) {
    }

    record Confusion(long tp, long fp, long tn, long fn, long rows) {

        /** Share of all rows in a cell, for the heat map's shading (0..1). */
        public String heat(long cell) {
            return String.format(java.util.Locale.ROOT, "%.3f", rows == 0 ? 0 : (double) cell / rows);
        }
    }

    record FacetPerformance(String facet, long facetRows, long restRows, List<MetricValue> facetMetrics,
                            List<MetricValue> restMetrics) {
    }

    record Performance(String label, long rows, List<MetricValue> metrics, String svg, Confusion confusion,
                       List<FacetPerformance> facets, String facetSvg) {
    }

    static Performance performance(JsonNode report) {
        JsonNode overall = report.path("overall");
        List<MetricValue> metrics = metrics(overall);
        BarChart chart = BarChart.titled("Overall performance").rows("metric-bar", "metric").including(0, 1);
        metrics.forEach(m -> chart.bar(m.name(), m.value(), "neutral"));
        List<FacetPerformance> facets = new ArrayList<>();
        BarChart facetChart = BarChart.titled("Accuracy inside and outside each facet").rows("facet-bar", "facet")
                .including(0, 1);
        report.path("facets").properties().forEach(column -> {
            for (JsonNode selection : column.getValue()) {
                String facet = column.getKey() + " = " + selection.path("value_or_threshold").asText();
                JsonNode in = selection.path("facet");
                JsonNode rest = selection.path("rest");
                facets.add(new FacetPerformance(facet, in.path("rows").asLong(), rest.path("rows").asLong(),
                        metrics(in), metrics(rest)));
                facetChart.bar(facet + " (facet)", number(in.path("accuracy")), "neutral");
                facetChart.bar(facet + " (rest)", number(rest.path("accuracy")), "other");
            }
        });
        return new Performance(report.path("label").asText() + " = " + report.path("label_value_or_threshold").asText(),
                overall.path("rows").asLong(), metrics, chart.toSvg(), confusion(overall), facets,
                facets.isEmpty() ? null : facetChart.toSvg());
    }

    private static List<MetricValue> metrics(JsonNode result) {
        List<MetricValue> metrics = new ArrayList<>();
        for (String name : PERFORMANCE_METRICS) {
            if (result.has(name)) {
                Double value = number(result.path(name));
                metrics.add(new MetricValue(name, value, BarChart.format(value)));
            }
        }
        for (String name : List.of("log_loss", "brier_score")) {
            if (result.has(name)) {
                Double value = number(result.path(name));
                metrics.add(new MetricValue(name, value, BarChart.format(value)));
            }
        }
        return metrics;
    }

    private static Confusion confusion(JsonNode result) {
        JsonNode m = result.path("confusion_matrix");
        return new Confusion(m.path("TP").asLong(), m.path("FP").asLong(), m.path("TN").asLong(),
                m.path("FN").asLong(), result.path("rows").asLong());
    }

    // ---- drift ----

    record FeatureRow(String name, String type, Double psi, String psiShown, String verdict, String distance,
                      long referenceCount, long currentCount, long referenceMissing, long currentMissing,
                      String binsOrCategories) {
    }

    record Drift(long referenceRows, long currentRows, List<FeatureRow> features, String psiSvg, String bounds,
                 String missingSvg, String distanceSvg, Double ndcg, Double ndcgThreshold, boolean ndcgBreach) {

        public String attributionText() {
            return "NDCG of the feature attributions " + BarChart.format(ndcg) + " against a threshold of "
                    + BarChart.format(ndcgThreshold) + (ndcgBreach ? ": breach" : ": within");
        }
    }

    static Drift drift(JsonNode report, PolicyBounds policy) {
        List<Threshold> bounds = policy.of("PSI");
        long referenceRows = report.path("reference_rows").asLong();
        long currentRows = report.path("current_rows").asLong();
        BarChart psi = BarChart.titled("PSI per feature").rows("psi-bar", "feature");
        BarChart missing = BarChart.titled("Share of missing values: reference and current")
                .rows("missing-bar", "feature").including(0, 1);
        BarChart distances = BarChart.titled("Distance between the reference and current distributions")
                .rows("distance-bar", "feature").including(0, 1);
        boolean anyMissing = false;
        List<FeatureRow> rows = new ArrayList<>();
        for (JsonNode f : report.path("features")) {
            String name = f.path("name").asText();
            Double value = number(f.path("psi"));
            String verdict = PolicyBounds.verdict(value, bounds);
            boolean numeric = "numeric".equals(f.path("type").asText());
            String distance = numeric ? "KS " + BarChart.format(number(f.path("ks")))
                    : "JS " + BarChart.format(number(f.path("js")));
            String detail;
            if (numeric) {
                List<String> edges = new ArrayList<>();
                f.path("bin_edges").forEach(e -> edges.add(BarChart.format(e.asDouble())));
                detail = edges.isEmpty() ? "" : "bin edges " + String.join(", ", edges);
            } else if (f.has("categories")) {
                List<String> categories = new ArrayList<>();
                f.path("categories").forEach(c -> categories.add(c.asText()));
                detail = f.path("category_count").asLong() + " categories: " + String.join(", ", categories)
                        + (f.path("categories_truncated").asBoolean() ? ", …" : "");
            } else {
                detail = f.path("category_count").asLong() + " categories (values not reported)";
            }
            FeatureRow row = new FeatureRow(name, numeric ? "numeric" : "categorical", value, BarChart.format(value),
                    verdict, distance, f.path("reference_count").asLong(), f.path("current_count").asLong(),
                    f.path("reference_missing").asLong(), f.path("current_missing").asLong(), detail);
            rows.add(row);
            psi.bar(name, value, verdict);
            missing.bar(name + " (reference)", share(row.referenceMissing(), referenceRows), "neutral");
            missing.bar(name + " (current)", share(row.currentMissing(), currentRows), "other");
            anyMissing |= row.referenceMissing() > 0 || row.currentMissing() > 0;
            // Kolmogorov-Smirnov for numbers, Jensen-Shannon for categories: both 0 (same) .. 1 (disjoint)
            distances.bar(name + (numeric ? " (KS)" : " (JS)"), numeric ? number(f.path("ks")) : number(f.path("js")),
                    verdict);
        }
        PolicyBounds.draw(psi, bounds);
        JsonNode attribution = report.path("attribution_drift");
        return new Drift(referenceRows, currentRows, rows, psi.toSvg(), PolicyBounds.describe(bounds),
                anyMissing ? missing.toSvg() : null, distances.toSvg(), attribution.isObject() ? number(attribution.path("ndcg")) : null,
                attribution.isObject() ? number(attribution.path("threshold")) : null,
                attribution.path("breach").asBoolean());
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
