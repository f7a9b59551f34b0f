package org.modelgov.evidence.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.inventory.RiskTier;
import org.modelgov.validation.FindingLevel;
import org.modelgov.validation.Threshold;
import org.modelgov.validation.ValidationPolicy;
import org.modelgov.web.charts.BarChart;

/**
 * The ValidationThresholds bounds that applied to a report: those of its version's tier, looked up once per
 * metric. Without a tier (a report not tied to an assessed version) there is no verdict, only the values.
 */
final class PolicyBounds {

    private final ValidationPolicy policy;
    private final RiskTier tier;
    private final Map<String, List<Threshold>> cache = new HashMap<>();

    PolicyBounds(ValidationPolicy policy, RiskTier tier) {
        this.policy = policy;
        this.tier = tier;
    }

    Optional<RiskTier> tier() {
        return Optional.ofNullable(tier);
    }

    List<Threshold> of(String metric) {
        // only the policy's metric names reach the decision table; a report's names are data
        if (tier == null || !metric.matches("[A-Z_]{1,40}")) {
            return List.of();
        }
        return cache.computeIfAbsent(metric, m -> policy.thresholds(tier, m));
    }

    /** pass, warn or fail by the worst bound the value breaks; neutral when no bound applies. */
    static String verdict(Double value, List<Threshold> bounds) {
        if (bounds.isEmpty()) {
            return "neutral";
        }
        if (value == null || value.isNaN()) {
            return "warn";
        }
        return switch (Threshold.levelOf(value, bounds)) {
            case FAIL -> "fail";
            case WARN -> "warn";
            case PASS, INFO -> "pass";
        };
    }

    /** A policy bound as lines on a chart: ±bound for "within ±", else the bound itself. */
    static void draw(BarChart chart, List<Threshold> bounds) {
        for (Threshold t : bounds) {
            String tone = t.level() == FindingLevel.FAIL ? "fail" : "warn";
            String label = t.level().name().toLowerCase() + " " + BarChart.format(t.bound());
            chart.line(t.bound(), label, tone);
            if (t.comparison() == Threshold.Comparison.ABS_AT_MOST && t.bound() != 0) {
                chart.line(-t.bound(), label.replace(" ", " −"), tone);
            }
        }
    }

    static String describe(List<Threshold> bounds) {
        return bounds.isEmpty() ? "no bound in the policy" : String.join("; ", bounds.stream()
                .map(Threshold::describeWithLevel).toList());
    }
}
