package org.modelgov.aws.sagemaker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.incident.local.ContainmentTable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DesiredWeightAndCapacity;

/**
 * AWS mode: break-glass moves a SageMaker endpoint's traffic to its {@code fallback} production variant with
 * UpdateEndpointWeightsAndCapacities. Only variant weights change: never the model, its artifact or the endpoint
 * config. Each containment is recorded in the same table as in local mode, with the weights it replaced.
 *
 * <p>The row is written only after SageMaker accepted the change, in its own transaction: the row records a fact
 * about AWS, which must survive even when the caller's transaction rolls back (else a retry would read the
 * contained weights as the ones to restore).
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
public class SageMakerDeploymentControl implements DeploymentControl {

    private final SageMakerClient sageMaker;
    private final ContainmentTable containments;
    private final TransactionTemplate ownTransaction;

    public SageMakerDeploymentControl(SageMakerClient sageMaker, ContainmentTable containments,
                                      PlatformTransactionManager transactions) {
        this.sageMaker = sageMaker;
        this.containments = containments;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Map<String, Double> weights(String endpointName) {
        return EndpointWeights.of(sageMaker.describeEndpoint(r -> r.endpointName(endpointName)));
    }

    @Override
    public Containment breakGlass(String endpointName, String incidentId, String actor, String reason, boolean dryRun) {
        Optional<Containment> active = active(endpointName);
        if (active.isPresent() && !dryRun) {
            return active.get(); // already contained: a retried job changes nothing
        }
        Map<String, Double> previous = weights(endpointName);
        if (!previous.containsKey(FALLBACK_VARIANT)) {
            throw new IllegalStateException("SageMaker endpoint " + endpointName + " has no fallback variant to move"
                    + " traffic to (its variants: " + String.join(", ", previous.keySet()) + "); add a production"
                    + " variant named '" + FALLBACK_VARIANT + "' to its endpoint config before relying on break-glass");
        }
        Map<String, Double> applied = DeploymentControl.allTrafficToFallback(previous);
        Containment containment = new Containment(UUID.randomUUID().toString(), endpointName, previous, applied, dryRun);
        if (!dryRun) {
            update(endpointName, applied);
        }
        ownTransaction.executeWithoutResult(tx -> containments.record(containment, incidentId, actor, reason));
        return containment;
    }

    @Override
    public Optional<Containment> restore(String endpointName, String actor) {
        Optional<Containment> active = active(endpointName);
        active.ifPresent(c -> {
            update(endpointName, c.previousWeights());
            ownTransaction.executeWithoutResult(tx -> containments.markUndone(c.id()));
        });
        return active;
    }

    @Override
    public Optional<Containment> active(String endpointName) {
        return containments.active(endpointName);
    }

    private void update(String endpointName, Map<String, Double> weights) {
        List<DesiredWeightAndCapacity> desired = EndpointWeights.desired(weights);
        sageMaker.updateEndpointWeightsAndCapacities(r -> r.endpointName(endpointName)
                .desiredWeightsAndCapacities(desired));
    }
}
