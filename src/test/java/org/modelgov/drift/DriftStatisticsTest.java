package org.modelgov.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DriftStatisticsTest {

    @Test
    void decileEdgesInterpolateLinearly() {
        // n = 10: h = 9·k/10, q_k = 1 + 0.9 k
        double[] edges = DriftStatistics.decileEdges(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(edges).containsExactly(new double[] {1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1}, within(1e-12));
        assertThat(DriftStatistics.binCounts(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, edges))
                .containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void repeatedDecilesCollapseAndBinsAreClosedOnTheRight() {
        double[] edges = DriftStatistics.decileEdges(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1});
        // h = 0.9 k: q10..q70 = 0; q80: h = 7.2 -> 0 + 0.2·(1 - 0) = 0.2; q90: h = 8.1 -> 1
        assertThat(edges).containsExactly(new double[] {0, 0.2, 1}, within(1e-12));
        // bins (-∞, 0], (0, 0.2], (0.2, 1], (1, ∞)
        assertThat(DriftStatistics.binCounts(new double[] {-1, 0, 0.05, 0.2, 5}, edges)).containsExactly(2, 2, 0, 1);
    }

    @Test
    void populationStabilityIndexByHand() {
        // r = (0.5, 0.5), c = (0.8, 0.2): PSI = 0.3 ln 1.6 + (-0.3) ln 0.4
        assertThat(DriftStatistics.populationStabilityIndex(new long[] {50, 50}, new long[] {80, 20}))
                .isCloseTo(0.3 * Math.log(1.6) - 0.3 * Math.log(0.4), within(1e-15));
        // an empty reference bin counts as 0.0001: (0.5 - 1) ln 0.5 + (0.5 - 0.0001) ln(0.5 / 0.0001)
        assertThat(DriftStatistics.populationStabilityIndex(new long[] {10, 0}, new long[] {5, 5}))
                .isCloseTo(-0.5 * Math.log(0.5) + 0.4999 * Math.log(5000), within(1e-12));
        assertThat(DriftStatistics.populationStabilityIndex(new long[] {3, 7}, new long[] {30, 70})).isCloseTo(0, within(1e-15));
    }

    @Test
    void kolmogorovSmirnovByHand() {
        // F_ref(2) = 0.5, F_cur(2) = 0; F_ref(4) = 1, F_cur(4) = 0.5
        assertThat(DriftStatistics.kolmogorovSmirnov(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6})).isEqualTo(0.5);
        assertThat(DriftStatistics.kolmogorovSmirnov(new double[] {1, 1, 2}, new double[] {1, 1, 2})).isEqualTo(0.0);
        assertThat(DriftStatistics.kolmogorovSmirnov(new double[] {1}, new double[] {2})).isEqualTo(1.0);
    }

    @Test
    void jensenShannonByHand() {
        // p = (½, ½), q = (1, 0), m = (¾, ¼): ½[½ ln(2/3) + ½ ln 2] + ½ ln(4/3) = ¾ ln(4/3)
        assertThat(DriftStatistics.jensenShannon(new long[] {1, 1}, new long[] {1, 0})).isCloseTo(0.75 * Math.log(4.0 / 3), within(1e-15));
        assertThat(DriftStatistics.jensenShannon(new long[] {1, 0}, new long[] {0, 1})).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void ndcgOfAttributionRankingsByHand() {
        Map<String, Double> reference = new LinkedHashMap<>();
        reference.put("a", 0.5);
        reference.put("b", 0.3);
        reference.put("c", 0.2);
        Map<String, Double> current = Map.of("a", 0.1, "b", 0.6, "c", 0.3);
        // F' = b, c, a: DCG = 0.3/log2 2 + 0.2/log2 3 + 0.5/log2 4; iDCG = 0.5 + 0.3/log2 3 + 0.2/2
        double log2of3 = Math.log(3) / Math.log(2);
        double expected = (0.3 + 0.2 / log2of3 + 0.5 / 2) / (0.5 + 0.3 / log2of3 + 0.2 / 2);
        assertThat(AttributionDrift.ndcg(reference, current)).isCloseTo(expected, within(1e-15));
        assertThat(AttributionDrift.ndcg(reference, reference)).isEqualTo(1.0);
    }
}
