package org.modelgov.risk;

import org.modelgov.inventory.RiskTier;

/** Port: the {@code RiskTier} decision (DMN) on questionnaire answers. */
public interface RiskTierPolicy {

    Suggestion suggest(RiskQuestionnaire answers);

    record Suggestion(RiskTier tier, String reason) {
    }
}
