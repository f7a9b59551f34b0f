package org.modelgov.abtest.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modelgov.abtest.ChallengerDeployment;
import org.modelgov.abtest.ChallengerDeployment.Rollout;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The local challenger on the real database (H2, or PostgreSQL when the run selects it): a row of
 * {@code endpoint_traffic} beside the defaults break-glass assumes, added once, re-weighted in one transaction, and
 * contained by break-glass like every other variant.
 */
@ModelGovIntegrationTest
class JdbcChallengerDeploymentIntegrationTest {

    private static final String VERSION = "AB-LOCAL-001:2";
    private static final String VARIANT = "ab-local-001-v2";

    @Autowired
    ChallengerDeployment challengers;
    @Autowired
    DeploymentControl breakGlass;
    @Autowired
    JdbcClient jdbc;

    private static String newEndpoint() {
        return "ab-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> rows(String endpoint) {
        return jdbc.sql("SELECT variant_name || '=' || CAST(weight AS VARCHAR(20)) FROM modelgov.endpoint_traffic"
                + " WHERE endpoint_name = ? ORDER BY variant_name").param(endpoint).query(String.class).list();
    }

    @Test
    void theLocalAdapterIsTheOneInUse() {
        assertThat(challengers).isInstanceOf(JdbcChallengerDeployment.class);
        assertThat(challengers.challengerVariant(VERSION)).isEqualTo(VARIANT);
    }

    @Test
    void deployingOnAnEndpointNeverConfiguredKeepsPrimaryAndFallbackAndAddsTheChallengerAtZero() {
        String endpoint = newEndpoint();
        assertThat(challengers.rollout(endpoint, VERSION)).isEqualTo(Rollout.IN_PROGRESS);

        challengers.deploy(endpoint, VERSION);

        assertThat(challengers.rollout(endpoint, VERSION)).isEqualTo(Rollout.SERVING);
        assertThat(challengers.weights(endpoint)).containsExactly(Map.entry(VARIANT, 0.0), Map.entry("fallback", 0.0),
                Map.entry("primary", 1.0));
        assertThat(breakGlass.weights(endpoint)).as("break-glass sees the same variants")
                .isEqualTo(challengers.weights(endpoint));
        assertThat(rows(endpoint)).hasSize(3);
    }

    @Test
    void advanceDeploysOnceAndThenOnlyReads() {
        String endpoint = newEndpoint();

        assertThat(challengers.advance(endpoint, VERSION)).isEqualTo(Rollout.SERVING);
        List<String> deployed = rows(endpoint);
        assertThat(challengers.advance(endpoint, VERSION)).isEqualTo(Rollout.SERVING);

        assertThat(rows(endpoint)).isEqualTo(deployed).hasSize(3);
    }

    @Test
    void aRepeatedDeployChangesNothing() {
        String endpoint = newEndpoint();
        challengers.deploy(endpoint, VERSION);
        challengers.setWeights(endpoint, Map.of("primary", 0.9, VARIANT, 0.1));
        List<String> before = rows(endpoint);

        challengers.deploy(endpoint, VERSION);

        assertThat(rows(endpoint)).isEqualTo(before);
        assertThat(challengers.weights(endpoint)).containsEntry(VARIANT, 0.1);
    }

    @Test
    void deployingOnAConfiguredEndpointKeepsItsVariantsAsTheyAre() {
        String endpoint = newEndpoint();
        jdbc.sql("INSERT INTO modelgov.endpoint_traffic (endpoint_name, variant_name, weight) VALUES (?, 'blue', 0.7),"
                + " (?, 'green', 0.3)").params(endpoint, endpoint).update();

        challengers.deploy(endpoint, VERSION);

        assertThat(challengers.weights(endpoint)).containsExactly(Map.entry(VARIANT, 0.0), Map.entry("blue", 0.7),
                Map.entry("green", 0.3));
    }

    @Test
    void setWeightsChangesOnlyTheNamedVariants() {
        String endpoint = newEndpoint();
        challengers.deploy(endpoint, VERSION);

        challengers.setWeights(endpoint, Map.of("primary", 0.9, VARIANT, 0.1));

        assertThat(challengers.weights(endpoint)).containsExactly(Map.entry(VARIANT, 0.1), Map.entry("fallback", 0.0),
                Map.entry("primary", 0.9));
    }

    @Test
    void aWeightForAnUnknownVariantOrANegativeWeightChangesNothing() {
        String endpoint = newEndpoint();
        challengers.deploy(endpoint, VERSION);
        List<String> before = rows(endpoint);

        assertThatThrownBy(() -> challengers.setWeights(endpoint, Map.of("primary", 0.5, "nobody", 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no variant nobody");
        assertThatThrownBy(() -> challengers.setWeights(endpoint, Map.of(VARIANT, -0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> challengers.setWeights(endpoint, Map.of(VARIANT, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(rows(endpoint)).isEqualTo(before);
    }

    @Test
    void breakGlassContainsTheChallengerToAndRestoreBringsTheTestWeightsBack() {
        String endpoint = newEndpoint();
        challengers.deploy(endpoint, VERSION);
        challengers.setWeights(endpoint, Map.of("primary", 0.9, VARIANT, 0.1));

        breakGlass.breakGlass(endpoint, null, "responder", "challenger misbehaves", false);
        assertThat(challengers.weights(endpoint)).containsExactly(Map.entry(VARIANT, 0.0), Map.entry("fallback", 1.0),
                Map.entry("primary", 0.0));

        breakGlass.restore(endpoint, "responder");
        assertThat(challengers.weights(endpoint)).containsExactly(Map.entry(VARIANT, 0.1), Map.entry("fallback", 0.0),
                Map.entry("primary", 0.9));
    }

    @Test
    void whileBreakGlassContainsTheEndpointTheChallengerGetsNoTrafficButMayLoseIt() {
        String endpoint = newEndpoint();
        challengers.deploy(endpoint, VERSION);
        challengers.setWeights(endpoint, Map.of("primary", 0.9, VARIANT, 0.1));
        breakGlass.breakGlass(endpoint, null, "responder", "stop the A/B test", false);
        List<String> contained = rows(endpoint);

        assertThatThrownBy(() -> challengers.setWeights(endpoint, Map.of(VARIANT, 1.0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("contained by break-glass");
        assertThat(rows(endpoint)).isEqualTo(contained);

        challengers.setWeights(endpoint, Map.of(VARIANT, 0.0, "fallback", 1.0));
        assertThat(rows(endpoint)).isEqualTo(contained);

        breakGlass.restore(endpoint, "responder");
        challengers.setWeights(endpoint, Map.of("primary", 0.0, VARIANT, 1.0));
        assertThat(challengers.weights(endpoint)).containsEntry(VARIANT, 1.0);
    }
}
