package org.modelgov.incident.local;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.modelgov.incident.DeploymentControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local mode: an endpoint's traffic weights live in a table ({@link EndpointTrafficTable}). An endpoint never
 * configured serves all traffic from its {@code primary} variant and keeps a {@code fallback} variant at weight 0,
 * the shape a break-glass-ready SageMaker endpoint has.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class JdbcDeploymentControl implements DeploymentControl {

    private final EndpointTrafficTable traffic;
    private final ContainmentTable containments;

    JdbcDeploymentControl(EndpointTrafficTable traffic, ContainmentTable containments) {
        this.traffic = traffic;
        this.containments = containments;
    }

    @Override
    public Map<String, Double> weights(String endpointName) {
        return traffic.weights(endpointName);
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
            traffic.replace(endpointName, applied);
        }
        return containment;
    }

    @Override
    public Optional<Containment> restore(String endpointName, String actor) {
        Optional<Containment> active = active(endpointName);
        active.ifPresent(c -> {
            traffic.replace(endpointName, c.previousWeights());
            containments.markUndone(c.id());
        });
        return active;
    }

    @Override
    public Optional<Containment> active(String endpointName) {
        return containments.active(endpointName);
    }
}
