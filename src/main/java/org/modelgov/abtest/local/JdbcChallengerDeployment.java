package org.modelgov.abtest.local;

import java.util.Map;
import org.modelgov.abtest.ChallengerDeployment;
import org.modelgov.abtest.Weights;
import org.modelgov.incident.local.ContainmentTable;
import org.modelgov.incident.local.EndpointTrafficTable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local mode: the challenger is a row of {@code endpoint_traffic}, the table break-glass moves traffic in. Deploying
 * adds the row at weight 0 (after the defaults primary 1 / fallback 0 of an endpoint never configured, so both
 * adapters see the same variants); it serves as soon as the row exists. Weights change in one transaction, joining
 * the calling job's. While break-glass contains the endpoint, no variant but the fallback gains traffic.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
public class JdbcChallengerDeployment implements ChallengerDeployment {

    private final EndpointTrafficTable traffic;
    private final ContainmentTable containments;
    private final TransactionTemplate transaction;

    public JdbcChallengerDeployment(EndpointTrafficTable traffic, ContainmentTable containments,
                                    PlatformTransactionManager transactions) {
        this.traffic = traffic;
        this.containments = containments;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String challengerVariant(String versionId) {
        return ChallengerDeployment.variantNameOf(versionId);
    }

    @Override
    public Map<String, Double> weights(String endpointName) {
        return traffic.weights(endpointName);
    }

    @Override
    public void deploy(String endpointName, String versionId) {
        String variant = challengerVariant(versionId);
        transaction.executeWithoutResult(tx -> traffic.addVariant(endpointName, variant, 0.0));
    }

    @Override
    public Rollout rollout(String endpointName, String versionId) {
        return traffic.hasVariant(endpointName, challengerVariant(versionId)) ? Rollout.SERVING : Rollout.IN_PROGRESS;
    }

    @Override
    public void setWeights(String endpointName, Map<String, Double> weights) {
        Weights.check(endpointName, weights);
        transaction.executeWithoutResult(tx -> {
            Weights.refuseMoreTrafficWhileContained(endpointName, containments.active(endpointName),
                    traffic.weights(endpointName), weights);
            traffic.update(endpointName, weights);
        });
    }
}
