package org.modelgov.incident.local;

import java.util.Map;
import java.util.TreeMap;
import org.modelgov.incident.DeploymentControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code endpoint_traffic} table, local mode's stand-in for a SageMaker endpoint's variant weights: the one
 * place that reads and writes it, for break-glass ({@link JdbcDeploymentControl}) and the A/B stage's challenger
 * variant alike. An endpoint never configured serves all traffic from {@link #PRIMARY_VARIANT} and keeps
 * {@link DeploymentControl#FALLBACK_VARIANT} at weight 0, the shape a break-glass-ready SageMaker endpoint has.
 */
@Component
public class EndpointTrafficTable {

    public static final String PRIMARY_VARIANT = "primary";

    private final JdbcClient jdbc;

    public EndpointTrafficTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The weights by variant; an endpoint without rows answers the default (primary 1, fallback 0). */
    public Map<String, Double> weights(String endpointName) {
        Map<String, Double> weights = stored(endpointName);
        if (weights.isEmpty()) {
            weights.put(PRIMARY_VARIANT, 1.0);
            weights.put(DeploymentControl.FALLBACK_VARIANT, 0.0);
        }
        return weights;
    }

    /** Replaces every row of the endpoint with these weights. */
    public void replace(String endpointName, Map<String, Double> weights) {
        jdbc.sql("DELETE FROM modelgov.endpoint_traffic WHERE endpoint_name = ?").param(endpointName).update();
        weights.forEach((variant, weight) -> insert(endpointName, variant, weight));
    }

    /**
     * Adds a variant at this weight unless the endpoint has it already (then nothing changes). The default rows are
     * written first, so that the endpoint keeps serving from primary and fallback rather than from the new variant
     * alone.
     */
    public boolean addVariant(String endpointName, String variant, double weight) {
        Map<String, Double> current = stored(endpointName);
        if (current.isEmpty()) {
            weights(endpointName).forEach((v, w) -> insert(endpointName, v, w));
        } else if (current.containsKey(variant)) {
            return false;
        }
        insert(endpointName, variant, weight);
        return true;
    }

    /** Whether the endpoint has this variant (a row, or one of the defaults of an endpoint never configured). */
    public boolean hasVariant(String endpointName, String variant) {
        return weights(endpointName).containsKey(variant);
    }

    /**
     * Sets the named variants' weights; the others keep theirs. Every named variant must exist: one that does not is
     * an {@link IllegalArgumentException} before anything is written.
     */
    public void update(String endpointName, Map<String, Double> weights) {
        Map<String, Double> current = weights(endpointName);
        weights.keySet().stream().filter(v -> !current.containsKey(v)).findFirst().ifPresent(v -> {
            throw new IllegalArgumentException("Endpoint " + endpointName + " has no variant " + v + " (its variants: "
                    + String.join(", ", current.keySet()) + ")");
        });
        Map<String, Double> next = new TreeMap<>(current);
        next.putAll(weights);
        if (!next.equals(current)) {
            replace(endpointName, next);
        }
    }

    private Map<String, Double> stored(String endpointName) {
        Map<String, Double> weights = new TreeMap<>();
        jdbc.sql("SELECT variant_name, weight FROM modelgov.endpoint_traffic WHERE endpoint_name = ?")
                .param(endpointName).query(rs -> {
                    weights.put(rs.getString("variant_name"), rs.getDouble("weight"));
                });
        return weights;
    }

    private void insert(String endpointName, String variant, double weight) {
        jdbc.sql("INSERT INTO modelgov.endpoint_traffic (endpoint_name, variant_name, weight) VALUES (?, ?, ?)")
                .params(endpointName, variant, weight).update();
    }
}
