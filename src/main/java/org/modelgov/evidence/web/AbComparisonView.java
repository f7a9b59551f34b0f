package org.modelgov.evidence.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.modelgov.web.charts.LineChart;

/**
 * What the A/B comparison page shows, read from the stored {@code AB_COMPARISON} report: the outcome, champion
 * against challenger per metric (values, relative change, test, p-value, verdict and its reason), the policy the
 * stage ran under, and one chart per metric of both variants' series over the window.
 */
record AbComparisonView(String versionId, String endpointName, String championVariant, String challengerVariant,
                        String from, String to, String outcome, List<Row> metrics, List<PolicyFact> policy,
                        List<Chart> charts) {

    record Row(String metric, String test, String champion, String challenger, String relativeChange, String pValue,
               String verdict, String reason) {
    }

    record PolicyFact(String name, String value) {
    }

    record Chart(String metric, String svg) {
    }

    static AbComparisonView of(JsonNode json) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode m : json.path("metrics")) {
            rows.add(new Row(m.path("metric").asText(), m.path("test").asText(), number(m.path("championValue")),
                    number(m.path("challengerValue")), signedPercent(m.path("relativeChange")), number(m.path("pValue")),
                    m.path("verdict").asText(), m.path("reason").asText()));
        }
        JsonNode p = json.path("policy");
        List<PolicyFact> policy = List.of(
                new PolicyFact("Challenger share", percent(p.path("challengerShare"))),
                new PolicyFact("Observation window", p.path("observationWindow").asText()),
                new PolicyFact("Metrics", String.join(", ", texts(p.path("metrics")))),
                new PolicyFact("Largest relative drop allowed", percent(p.path("maxRelativeDrop"))),
                new PolicyFact("Significance level", number(p.path("significance"))),
                new PolicyFact("Invocations needed per variant", p.path("minInvocations").asText()),
                new PolicyFact("Rule", p.path("reason").asText()));
        Instant from = instant(json.path("from"));
        Instant to = instant(json.path("to"));
        JsonNode champion = json.path("series").path("champion");
        JsonNode challenger = json.path("series").path("challenger");
        Set<String> names = new LinkedHashSet<>();
        champion.fieldNames().forEachRemaining(names::add);
        challenger.fieldNames().forEachRemaining(names::add);
        List<Chart> charts = new ArrayList<>();
        for (String metric : names) {
            LineChart chart = LineChart.titled(metric + ": champion and challenger over the window").between(from, to)
                    .series("champion " + json.path("championVariant").asText(), "champion", points(champion.path(metric)))
                    .series("challenger " + json.path("challengerVariant").asText(), "challenger",
                            points(challenger.path(metric)));
            charts.add(new Chart(metric, chart.toSvg()));
        }
        return new AbComparisonView(json.path("versionId").asText(null), json.path("endpointName").asText(),
                json.path("championVariant").asText(), json.path("challengerVariant").asText(),
                json.path("from").asText(), json.path("to").asText(), json.path("outcome").asText(), rows, policy,
                charts);
    }

    private static List<LineChart.Point> points(JsonNode series) {
        List<LineChart.Point> points = new ArrayList<>();
        for (JsonNode point : series) {
            Instant at = instant(point.path(0));
            if (at != null && point.path(1).isNumber()) {
                points.add(new LineChart.Point(at, point.path(1).doubleValue()));
            }
        }
        return points;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String number(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%.4g", node.doubleValue()) : "—";
    }

    private static String percent(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%.2f %%", node.doubleValue() * 100) : "—";
    }

    /** A relative change: positive is worse for the challenger, so it carries its sign. */
    private static String signedPercent(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%+.2f %%", node.doubleValue() * 100) : "—";
    }
}
