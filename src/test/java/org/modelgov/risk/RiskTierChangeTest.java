package org.modelgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modelgov.inventory.RiskTier;

/** A risk officer confirms the tier or moves it one level with a justification. */
class RiskTierChangeTest {

    private static final String WHY = "Decisions are reviewed by a credit officer every time";

    @Test
    void confirmingNeedsNoJustification() {
        assertThat(RiskTierChange.refusal(RiskTier.HIGH, RiskTier.HIGH, null)).isEmpty();
    }

    @Test
    void oneLevelEitherWayWithAJustification() {
        assertThat(RiskTierChange.refusal(RiskTier.HIGH, RiskTier.MEDIUM, WHY)).isEmpty();
        assertThat(RiskTierChange.refusal(RiskTier.HIGH, RiskTier.PROHIBITED, WHY)).isEmpty();
        assertThat(RiskTierChange.refusal(RiskTier.LOW, RiskTier.MEDIUM, WHY)).isEmpty();
        assertThat(RiskTierChange.refusal(RiskTier.HIGH, RiskTier.MEDIUM, "short")).isPresent();
        assertThat(RiskTierChange.refusal(RiskTier.HIGH, RiskTier.MEDIUM, "   ")).isPresent();
    }

    @Test
    void neverTwoLevelsAndNeverNoTier() {
        assertThat(RiskTierChange.refusal(RiskTier.HIGH, RiskTier.LOW, WHY))
                .hasValueSatisfying(reason -> assertThat(reason).contains("one level"));
        assertThat(RiskTierChange.refusal(RiskTier.LOW, RiskTier.PROHIBITED, WHY)).isPresent();
        assertThat(RiskTierChange.refusal(RiskTier.HIGH, null, WHY)).isPresent();
        assertThat(RiskTierChange.parse("UNASSESSED")).isNull();
        assertThat(RiskTierChange.parse("high")).isNull();
        assertThat(RiskTierChange.parse(3)).isNull();
    }
}
