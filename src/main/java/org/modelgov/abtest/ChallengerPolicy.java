package org.modelgov.abtest;

import org.modelgov.inventory.RiskTier;

/**
 * Port: the A/B policy, DMN {@code ChallengerPolicy} ({@code processes/challenger-policy.dmn}). The stage's steps
 * read it here, never from process variables.
 */
public interface ChallengerPolicy {

    /**
     * @param hasChampion whether the model's endpoint already serves a version (a variant other than the challenger
     *                    and the break-glass fallback carries traffic)
     */
    ComparisonPolicy policy(RiskTier tier, boolean hasChampion);
}
