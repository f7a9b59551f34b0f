package org.modelgov.abtest;

import java.util.Map;

/**
 * Port: puts an approved version on its model's endpoint as a challenger variant and moves traffic between
 * variants. AWS mode: SageMaker CreateModel / CreateEndpointConfig / UpdateEndpoint to add the variant,
 * DescribeEndpoint to see it serve, UpdateEndpointWeightsAndCapacities to move traffic. Local mode: the
 * {@code endpoint_traffic} table. Every method is one external effect at most and safe to repeat.
 */
public interface ChallengerDeployment {

    /** The variant name a version gets on its endpoint (SageMaker's variant name pattern). */
    String challengerVariant(String versionId);

    /** Traffic weights by variant, as the endpoint serves now. */
    Map<String, Double> weights(String endpointName);

    /**
     * Starts putting the version on the endpoint as {@code challengerVariant} at weight 0; nothing when it is
     * already there or on its way.
     */
    void deploy(String endpointName, String versionId);

    /** Where the challenger's deployment stands. */
    Rollout rollout(String endpointName, String versionId);

    /**
     * Sets the endpoint's weights to exactly these (variants not named keep theirs); no call when they already
     * are.
     */
    void setWeights(String endpointName, Map<String, Double> weights);

    enum Rollout { IN_PROGRESS, SERVING, FAILED }
}
