package org.modelgov.fairness.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FlipTestTest {

    @Test
    void fiveNearestNeighboursVoteWhenTheAdvantagedFacetHasMoreThanNineRows() {
        // a: x = 1..10, predicted positive for x ≤ 5. d (last three rows):
        //  x=2.2, ŷ=0: neighbours 2,3,1,4,5 all positive -> flips to positive (FT⁻)
        //  x=8.1, ŷ=1: neighbours 8,9,7,10,6 all negative -> flips to negative (FT⁺)
        //  x=5.6, ŷ=1: neighbours 6,5,7,4,8 -> 2 of 5 positive -> negative (FT⁺)
        // FT = (2 - 1) / 3
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2.2, 8.1, 5.6};
        boolean[] inD = new boolean[13];
        inD[10] = inD[11] = inD[12] = true;
        boolean[] predicted = {true, true, true, true, true, false, false, false, false, false, false, true, true};
        assertThat(FlipTest.compute(List.of(x), inD, predicted, 13)).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void oneNeighbourWhenTheAdvantagedFacetHasNineRowsOrFewer() {
        // a: x = 1..9 (ŷ positive for x ≤ 5), so k = 1. d: x = 5.6 (ŷ=1): nearest 6 is negative -> FT⁺;
        // x = 5.4 (ŷ=1): nearest 5 is positive -> no flip (five neighbours 5,6,4,7,3 would agree too). FT = 1 / 2
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 5.6, 5.4};
        boolean[] inD = new boolean[11];
        inD[9] = inD[10] = true;
        boolean[] predicted = {true, true, true, true, true, false, false, false, false, true, true};
        assertThat(FlipTest.compute(List.of(x), inD, predicted, 11)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void distanceIsEuclideanOnUnscaledFeatures() {
        // d point (0, 10): a point (0, 0) is 10 away, (3, 10) only 3 away: 1-NN picks the second (negative)
        double[] f1 = {0, 3, 0};
        double[] f2 = {0, 10, 10};
        boolean[] inD = {false, false, true};
        boolean[] predicted = {true, false, true};
        assertThat(FlipTest.compute(List.of(f1, f2), inD, predicted, 3)).isEqualTo(1.0);
    }

    @Test
    void needsBothFacetsAndAFeature() {
        boolean[] allD = {true, true};
        assertThatThrownBy(() -> FlipTest.compute(List.of(new double[2]), allD, new boolean[2], 2))
                .isInstanceOf(MetricNotComputable.class).hasMessage("Negated Facet set is empty");
        assertThatThrownBy(() -> FlipTest.compute(List.of(new double[2]), new boolean[2], new boolean[2], 2))
                .isInstanceOf(MetricNotComputable.class).hasMessage("Facet set is empty");
        assertThatThrownBy(() -> FlipTest.compute(List.of(), new boolean[] {true, false}, new boolean[2], 2))
                .isInstanceOf(MetricNotComputable.class).hasMessageContaining("numeric feature");
    }

    @Test
    void kdTreeFindsTheSameNeighboursAsBruteForceIncludingTies() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 2000;
        int dims = 3;
        double[] points = new double[n * dims];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            for (int d = 0; d < dims; d++) {
                points[i * dims + d] = random.nextInt(20); // a coarse grid: many equal distances
            }
        }
        KdTree tree = new KdTree(points, ids, dims);
        for (int q = 0; q < 200; q++) {
            double[] query = {random.nextInt(20), random.nextInt(20), random.nextDouble() * 20};
            assertThat(tree.nearest(query, 5)).containsExactly(bruteForce(points, dims, query, 5));
        }
    }

    private static int[] bruteForce(double[] points, int dims, double[] query, int k) {
        int n = points.length / dims;
        Integer[] order = new Integer[n];
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            for (int d = 0; d < dims; d++) {
                double diff = points[i * dims + d] - query[d];
                distance[i] += diff * diff;
            }
        }
        java.util.Arrays.sort(order, (a, b) -> distance[a] != distance[b] ? Double.compare(distance[a], distance[b]) : Integer.compare(a, b));
        int[] result = new int[k];
        for (int i = 0; i < k; i++) {
            result[i] = order[i];
        }
        return result;
    }
}
