package org.modelgov.abtest;

import java.util.Locale;
import java.util.Map;
import org.modelgov.common.Sha256;

/**
 * Port: puts an approved version on its model's endpoint as a challenger variant and moves traffic between
 * variants. AWS mode: SageMaker CreateModel / CreateEndpointConfig / UpdateEndpoint to add the variant,
 * DescribeEndpoint to see it serve, UpdateEndpointWeightsAndCapacities to move traffic. Local mode: the
 * {@code endpoint_traffic} table. Every method is one external effect at most and safe to repeat.
 *
 * <h2>How the A/B stage drives a deployment: one step per job, then the stage polls with {@link #advance}</h2>
 * Adding a variant to a SageMaker endpoint takes three effects (create the model, create an endpoint config with
 * the extra variant, update the endpoint to it) and then minutes until the endpoint serves it. So that one job does
 * at most one effect, {@link #deploy} performs only the <em>next missing</em> step and returns; it does nothing once
 * every step is done or while the endpoint is updating. The stage therefore runs:
 * <pre>
 *   [deploy] → [advance] (async step, retry cycle) → SERVING     → go on (set the challenger's share)
 *                  ↑                                  FAILED      → the challenger did not come up
 *                  └──── timer (e.g. PT1M) ←───────── IN_PROGRESS
 * </pre>
 * {@link #advance} is {@code deploy} (the next missing step, if any) followed by {@link #rollout}: polling with
 * {@code rollout} alone would wait forever in AWS mode after the first step. A deployment needs up to three rounds
 * in AWS mode; locally {@code deploy} adds the row in one call and every later call only reads. The stage should
 * bound the loop (a boundary timer on it), as SageMaker may take long.
 *
 * <p>Break-glass ({@code incident.DeploymentControl}) shares the endpoint: deploying keeps every existing variant
 * with its current weight, including the {@code fallback} variant, and {@link #setWeights} changes only the
 * variants it names. While a containment is active, {@link #setWeights} refuses (IllegalStateException: the step
 * fails and is retried) to give any variant but the fallback more traffic; taking traffic away is allowed.
 */
public interface ChallengerDeployment {

    /** The longest SageMaker variant name. */
    int MAX_VARIANT_NAME = 63;

    /** The variant name a version gets on its endpoint (SageMaker's variant name pattern). */
    String challengerVariant(String versionId);

    /** Traffic weights by variant, as the endpoint serves now. */
    Map<String, Double> weights(String endpointName);

    /**
     * Starts putting the version on the endpoint as {@code challengerVariant} at weight 0; nothing when it is
     * already there or on its way. In AWS mode one call takes the next missing step only (see the class comment):
     * the stage polls with {@link #advance}, which calls it again.
     */
    void deploy(String endpointName, String versionId);

    /** Where the challenger's deployment stands. */
    Rollout rollout(String endpointName, String versionId);

    /**
     * The stage's polling step: takes the next missing deployment step, if any (at most one external effect), then
     * answers where the deployment stands. Safe to repeat; once the challenger serves it only reads.
     */
    default Rollout advance(String endpointName, String versionId) {
        deploy(endpointName, versionId);
        return rollout(endpointName, versionId);
    }

    /**
     * Sets the endpoint's weights to exactly these (variants not named keep theirs); no call when they already
     * are.
     */
    void setWeights(String endpointName, Map<String, Double> weights);

    enum Rollout { IN_PROGRESS, SERVING, FAILED }

    /**
     * The variant name both adapters give a version: its id in lower case with {@code -v<number>}
     * ({@code CUST-CHURN-001:3} → {@code cust-churn-001-v3}), which matches SageMaker's
     * {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}} and names the version in CloudWatch. A model id too long for 63
     * characters is cut and given a short hash of the whole id, so two long ids still differ.
     */
    static String variantNameOf(String versionId) {
        int colon = versionId.lastIndexOf(':');
        if (colon <= 0 || colon == versionId.length() - 1) {
            throw new IllegalArgumentException("not a version id: " + versionId);
        }
        String model = versionId.substring(0, colon).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String suffix = "-v" + versionId.substring(colon + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (model.isEmpty()) {
            model = "model";
        }
        if (model.length() + suffix.length() > MAX_VARIANT_NAME) {
            String hash = Sha256.hex(versionId).substring(0, 8);
            int keep = MAX_VARIANT_NAME - suffix.length() - hash.length() - 1;
            model = model.substring(0, keep).replaceAll("-+$", "") + "-" + hash;
        }
        return model + suffix;
    }
}
