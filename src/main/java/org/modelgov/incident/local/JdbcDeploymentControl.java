package org.modelgov.incident.local;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.modelgov.incident.DeploymentControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Local mode: an endpoint's traffic weights live in a table. An endpoint never configured serves all
 * traffic from its {@code primary} variant and keeps a {@code fallback} variant at weight 0, the shape a
 * break-glass-ready SageMaker endpoint has.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class JdbcDeploymentControl implements DeploymentControl {

    private final JdbcClient jdbc;
    private final ContainmentTable containments;

    JdbcDeploymentControl(JdbcClient jdbc, ContainmentTable containments) {
        this.jdbc = jdbc;
        this.containments = containments;
    }

    @Override
    public Map<String, Double> weights(String endpointName) {
        Map<String, Double> weights = new TreeMap<>();
        jdbc.sql("SELECT variant_name, weight FROM modelgov.endpoint_traffic WHERE endpoint_name = ?")
                .param(endpointName).query(rs -> {
                    weights.put(rs.getString("variant_name"), rs.getDouble("weight"));
                });
        if (weights.isEmpty()) {
            weights.put("primary", 1.0);
            weights.put(FALLBACK_VARIANT, 0.0);
        }
        return weights;
    }

    @Override
    public Containment breakGlass(String endpointName, String incidentId, String actor, String reason, boolean dryRun) {
        Optional<Containment> active = active(endpointName);
        if (active.isPresent() && !dryRun) {
            return active.get(); // already contained: a retried job changes nothing
        }
        Map<String, Double> previous = weights(endpointName);
        Map<String, Double> applied = DeploymentControl.allTrafficToFallback(previous);
        Containment containment = new Containment(UUID.randomUUID().toString(), endpointName, previous, applied, dryRun);
        containments.record(containment, incidentId, actor, reason);
        if (!dryRun) {
            write(endpointName, applied);
        }
        return containment;
    }

    @Override
    public Optional<Containment> restore(String endpointName, String actor) {
        Optional<Containment> active = active(endpointName);
        active.ifPresent(c -> {
            write(endpointName, c.previousWeights());
            containments.markUndone(c.id());
        });
        return active;
    }

    @Override
    public Optional<Containment> active(String endpointName) {
        return containments.active(endpointName);
    }

    private void write(String endpointName, Map<String, Double> weights) {
        jdbc.sql("DELETE FROM modelgov.endpoint_traffic WHERE endpoint_name = ?").param(endpointName).update();
        weights.forEach((variant, weight) -> jdbc.sql("INSERT INTO modelgov.endpoint_traffic (endpoint_name,"
                + " variant_name, weight) VALUES (?, ?, ?)").params(endpointName, variant, weight).update());
    }
}
