package org.modelgov.fairness.config;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.bias.BiasMetric;
import org.modelgov.fairness.json.Json;
import org.modelgov.fairness.json.JsonObject;

/**
 * SageMaker Clarify's {@code analysis_config} JSON, the parts that tabular bias, performance and
 * impact-ratio analysis use, plus our extensions.
 *
 * <p>Clarify keys: {@code label}, {@code label_values_or_threshold}, {@code facet} (list of
 * {@code {name_or_index, value_or_threshold}}), {@code group_variable}, {@code predicted_label},
 * {@code probability_threshold}, {@code methods.pre_training_bias.methods} and
 * {@code methods.post_training_bias.methods} ({@code "all"} or a list of names). Other Clarify keys
 * (dataset_type, headers, predictor...) are ignored.
 *
 * <p>Extensions: {@code "type": "categorical" | "continuous"} on a facet, and for the label at the
 * top level ({@code label_type} is accepted too); {@code flip_test_features} (the columns FT measures
 * distance on; default: every numeric column other than facet, label, predicted label and score);
 * {@code score} (a probability column for AUC, log loss, Brier score, and LL144 scoring rates);
 * {@code impact_ratio} ({@code {"categories": [...], "min_share": 0.02}}).
 *
 * <p>When {@code methods} is absent both stages run with all metrics (post-training only when there
 * is a predicted label). When {@code probability_threshold} is set, the predicted label column holds
 * scores and a prediction is positive when its score is greater than the threshold.
 */
public record AnalysisConfig(
        ColumnRef label,
        ValueRule labelRule,
        List<FacetConfig> facets,
        ColumnRef groupVariable,
        ColumnRef predictedLabel,
        Double probabilityThreshold,
        MetricSelection preTraining,
        MetricSelection postTraining,
        List<ColumnRef> flipTestFeatures,
        ColumnRef score,
        ImpactRatioConfig impactRatio) {

    public AnalysisConfig {
        facets = List.copyOf(facets);
        flipTestFeatures = flipTestFeatures == null ? null : List.copyOf(flipTestFeatures);
    }

    public static AnalysisConfig parse(InputStream json) {
        return fromJson(JsonObject.of(Json.parse(json, "config"), "config"));
    }

    public static AnalysisConfig parse(String json) {
        return parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** From an already parsed JSON object (e.g. Jackson's {@code convertValue(node, Map.class)}). */
    public static AnalysisConfig fromMap(Map<String, Object> json) {
        return fromJson(JsonObject.of(json, "config"));
    }

    private static AnalysisConfig fromJson(JsonObject root) {
        ColumnRef label = requiredColumn(root, "label");
        ValueType labelType = type(root, root.has("label_type") ? "label_type" : "type");
        ValueRule labelRule = new ValueRule(values(root, "label_values_or_threshold"), labelType);
        labelRule.validate("label_values_or_threshold");

        List<FacetConfig> facets = new ArrayList<>();
        List<?> facetList = root.list("facet");
        if (facetList != null) {
            for (int i = 0; i < facetList.size(); i++) {
                JsonObject facet = JsonObject.of(facetList.get(i), "config, field 'facet[" + i + "]'");
                String field = "facet[" + i + "]";
                ColumnRef column = column(facet.get("name_or_index"), field + ".name_or_index");
                ValueRule rule = new ValueRule(values(facet, "value_or_threshold"), type(facet, "type"));
                rule.validate(field + ".value_or_threshold");
                facets.add(new FacetConfig(column, rule));
            }
        }

        ColumnRef predictedLabel = optionalColumn(root, "predicted_label");
        MetricSelection pre;
        MetricSelection post;
        JsonObject methods = root.object("methods");
        if (methods == null) {
            pre = MetricSelection.all(BiasMetric.Stage.PRE_TRAINING);
            post = predictedLabel != null ? MetricSelection.all(BiasMetric.Stage.POST_TRAINING) : null;
        } else {
            pre = selection(methods, BiasMetric.Stage.PRE_TRAINING);
            post = selection(methods, BiasMetric.Stage.POST_TRAINING);
        }
        List<ColumnRef> ftFeatures = null;
        List<?> ft = root.list("flip_test_features");
        if (ft != null) {
            ftFeatures = new ArrayList<>();
            for (int i = 0; i < ft.size(); i++) {
                ftFeatures.add(column(ft.get(i), "flip_test_features[" + i + "]"));
            }
        }
        return new AnalysisConfig(label, labelRule, facets, optionalColumn(root, "group_variable"), predictedLabel,
                root.number("probability_threshold"), pre, post, ftFeatures, optionalColumn(root, "score"),
                impactRatio(root.object("impact_ratio")));
    }

    private static ImpactRatioConfig impactRatio(JsonObject node) {
        if (node == null) {
            return null;
        }
        List<?> categories = node.list("categories");
        if (categories == null || categories.isEmpty() || categories.size() > 2) {
            throw node.error("categories", "must list one or two category columns");
        }
        List<ColumnRef> columns = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            columns.add(column(categories.get(i), "impact_ratio.categories[" + i + "]"));
        }
        Double minShare = node.number("min_share");
        if (minShare != null && (minShare < 0 || minShare >= 1)) {
            throw node.error("min_share", "must be in [0, 1), got " + minShare);
        }
        return new ImpactRatioConfig(columns, minShare == null ? ImpactRatioConfig.DEFAULT_MIN_SHARE : minShare);
    }

    private static MetricSelection selection(JsonObject methods, BiasMetric.Stage stage) {
        JsonObject stageNode = methods.object(stage.configKey());
        if (stageNode == null) {
            return null;
        }
        Object names = stageNode.get("methods");
        if (names == null) {
            throw stageNode.error("methods", "missing; write \"all\" or a list of metric names");
        }
        if ("all".equals(names)) {
            return MetricSelection.all(stage);
        }
        if (!(names instanceof List<?> list)) {
            throw stageNode.error("methods", "must be \"all\" or a list of metric names");
        }
        Set<BiasMetric> chosen = EnumSet.noneOf(BiasMetric.class);
        for (Object name : list) {
            String text = String.valueOf(name);
            if (text.equals("all")) {
                return MetricSelection.all(stage);
            }
            chosen.add(BiasMetric.of(stage, text).orElseThrow(() -> stageNode.error("methods", "unknown metric '" + text
                    + "'; known: " + String.join(", ", stage.metrics().stream().map(Enum::name).toList()))));
        }
        return new MetricSelection(chosen);
    }

    private static List<ConfiguredValue> values(JsonObject node, String key) {
        List<ConfiguredValue> result = new ArrayList<>();
        Object value = node.get(key);
        if (value instanceof List<?> list) {
            for (Object element : list) {
                result.add(value(element, node, key));
            }
        } else if (value != null) {
            result.add(value(value, node, key));
        }
        return result;
    }

    private static ConfiguredValue value(Object value, JsonObject node, String key) {
        if (value instanceof Long l) {
            return ConfiguredValue.ofNumber(l, Long.toString(l));
        }
        if (value instanceof Double d) {
            return ConfiguredValue.ofNumber(d, pythonFloat(d));
        }
        if (value instanceof Boolean b) {
            return ConfiguredValue.ofText(b ? "True" : "False");
        }
        if (value instanceof String s) {
            return ConfiguredValue.ofText(s);
        }
        throw node.error(key, "values must be strings, numbers or booleans");
    }

    /** Formats a double the way Python's str() does for ordinary magnitudes ("40.0", "0.5"). */
    public static String pythonFloat(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e16) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        String text = Double.toString(value);
        return text.contains("E") ? text.replace("E", "e") : text;
    }

    private static ValueType type(JsonObject node, String key) {
        String text = node.has(key) ? String.valueOf(node.get(key)) : null;
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "categorical" -> ValueType.CATEGORICAL;
            case "continuous" -> ValueType.CONTINUOUS;
            default -> throw node.error(key, "must be \"categorical\" or \"continuous\", got \"" + text + "\"");
        };
    }

    private static ColumnRef requiredColumn(JsonObject node, String key) {
        if (!node.has(key)) {
            throw node.error(key, "missing");
        }
        return column(node.get(key), node.field(key));
    }

    private static ColumnRef optionalColumn(JsonObject node, String key) {
        return node.has(key) ? column(node.get(key), node.field(key)) : null;
    }

    private static ColumnRef column(Object value, String field) {
        if (value instanceof Long index) {
            return new ColumnRef(null, index.intValue());
        }
        if (value instanceof String name && !name.isBlank()) {
            return ColumnRef.named(name);
        }
        throw new MetricsInputException("config, field '" + field + "': must be a column name or a 0-based column index");
    }
}
