package org.modelgov.abtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The A/B stage's records as JSON: the policy snapshot kept with each test, and the comparison kept as an
 * {@code AB_COMPARISON} evidence report (what the report page, the forms and an auditor read). Numbers that are not
 * finite (a rate over zero invocations) are written as null.
 */
public final class ComparisonJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComparisonJson() {
    }

    public static String policy(ComparisonPolicy p) {
        return write(policyNode(p));
    }

    public static ComparisonPolicy policy(String json) {
        JsonNode n = read(json);
        List<String> metrics = new ArrayList<>();
        n.path("metrics").forEach(m -> metrics.add(m.asText()));
        return new ComparisonPolicy(n.path("required").asBoolean(), n.path("challengerShare").asDouble(),
                Duration.parse(n.path("observationWindow").asText("PT0S")), metrics,
                n.path("maxRelativeDrop").asDouble(), n.path("significance").asDouble(),
                n.path("minInvocations").asLong(), n.path("reason").asText(""));
    }

    /** The evidence report's body: outcome, every metric's verdict, the policy and both variants' series. */
    public static String comparison(ChallengerComparison c, AbTestOutcome outcome, String versionId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("versionId", versionId);
        root.put("endpointName", c.endpointName());
        root.put("championVariant", c.championVariant());
        root.put("challengerVariant", c.challengerVariant());
        root.put("from", c.from().toString());
        root.put("to", c.to().toString());
        root.put("outcome", outcome.name());
        root.set("policy", policyNode(c.policy()));
        ArrayNode metrics = root.putArray("metrics");
        for (MetricComparison m : c.metrics()) {
            ObjectNode row = metrics.addObject();
            row.put("metric", m.metric());
            row.put("test", m.test());
            number(row, "championValue", m.championValue());
            number(row, "challengerValue", m.challengerValue());
            number(row, "relativeChange", m.relativeChange());
            number(row, "pValue", m.pValue());
            row.put("verdict", m.verdict().name());
            row.put("reason", m.reason());
        }
        ObjectNode series = root.putObject("series");
        series.set("champion", series(c.champion()));
        series.set("challenger", series(c.challenger()));
        return write(root);
    }

    private static ObjectNode series(VariantSeries variant) {
        ObjectNode node = JSON.createObjectNode();
        if (variant == null) {
            return node;
        }
        for (Map.Entry<String, List<VariantSeries.Sample>> metric : new java.util.TreeMap<>(variant.metrics())
                .entrySet()) {
            ArrayNode points = node.putArray(metric.getKey());
            for (VariantSeries.Sample sample : metric.getValue()) {
                if (Double.isFinite(sample.value())) {
                    points.addArray().add(sample.at().toString()).add(sample.value());
                }
            }
        }
        return node;
    }

    private static ObjectNode policyNode(ComparisonPolicy p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("required", p.required());
        n.put("challengerShare", p.challengerShare());
        n.put("observationWindow", iso(p.observationWindow()));
        ArrayNode metrics = n.putArray("metrics");
        p.metrics().forEach(metrics::add);
        n.put("maxRelativeDrop", p.maxRelativeDrop());
        n.put("significance", p.significance());
        n.put("minInvocations", p.minInvocations());
        n.put("reason", p.reason());
        return n;
    }

    /** ISO-8601 as the policy table writes it: whole days as P7D (Duration alone would write PT168H). */
    public static String iso(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds > 0 && seconds % 86_400 == 0 && duration.getNano() == 0 ? "P" + seconds / 86_400 + "D"
                : duration.toString();
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored A/B record is not JSON", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
