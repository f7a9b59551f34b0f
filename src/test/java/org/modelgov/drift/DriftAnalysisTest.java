package org.modelgov.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.modelgov.fairness.Csv;
import org.modelgov.fairness.MetricsInputException;

class DriftAnalysisTest {

    static final String[] REFERENCE = {"x,c,id", "1,a,1", "2,a,2", "3,b,3", "4,b,4", "5,a,5", "6,a,6", "7,b,7", "8,b,8", "9,a,9", "10,b,10"};

    static DriftReport drift(String config, String[] reference, String... current) {
        DriftConfig settings = config == null ? DriftConfig.defaults()
                : DriftConfig.parse(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        return DriftAnalysis.run(Csv.of(reference), Csv.of(current), settings);
    }

    @Test
    void numericAndCategoricalFeaturesAreDetectedAndCompared() {
        // current x: 1 in bin (-∞, 1.9], four in (9.1, ∞) -> shares 0.2, 0, ..., 0.8 vs 0.1 each
        DriftReport report = drift(null, REFERENCE, "x,c,id", "1,a,1", "20,b,2", "30,b,3", "40,b,4", "50,b,5");
        FeatureDrift x = report.feature("x");
        assertThat(x.numeric()).isTrue();
        double expected = (0.2 - 0.1) * Math.log(2) + 8 * (0.0001 - 0.1) * Math.log(0.0001 / 0.1) + (0.8 - 0.1) * Math.log(8);
        assertThat(x.psi()).isCloseTo(expected, within(1e-12));
        // F_ref(10) = 1, F_cur(10) = 0.2
        assertThat(x.ks()).isCloseTo(0.8, within(1e-15));
        FeatureDrift c = report.feature("c");
        assertThat(c.numeric()).isFalse();
        assertThat(c.categories()).containsExactly("a", "b");
        // reference (½, ½), current (0.2, 0.8)
        assertThat(c.psi()).isCloseTo(-0.3 * Math.log(0.4) + 0.3 * Math.log(1.6), within(1e-15));
        assertThat(c.jensenShannon()).isCloseTo(0.5 * (0.5 * Math.log(0.5 / 0.35) + 0.5 * Math.log(0.5 / 0.65))
                + 0.5 * (0.2 * Math.log(0.2 / 0.35) + 0.8 * Math.log(0.8 / 0.65)), within(1e-15));
        assertThat(report.referenceRows()).isEqualTo(10);
        assertThat(report.currentRows()).isEqualTo(5);
    }

    @Test
    void configChoosesFeaturesCategoriesAndAttributions() {
        String config = """
                {"features": ["id"], "categorical": ["id"],
                 "attributions": {"reference": {"x": 0.5, "c": 0.1}, "current": {"x": 0.1, "c": 0.5}}}""";
        DriftReport report = drift(config, REFERENCE, "x,c,id", "1,a,1", "2,a,11");
        assertThat(report.features()).extracting(FeatureDrift::name).containsExactly("id");
        assertThat(report.feature("id").numeric()).isFalse();
        assertThat(report.feature("id").categories()).hasSize(11);
        // F' = c, x: DCG = 0.1 + 0.5/log2 3, iDCG = 0.5 + 0.1/log2 3
        double log2of3 = Math.log(3) / Math.log(2);
        assertThat(report.ndcg()).isCloseTo((0.1 + 0.5 / log2of3) / (0.5 + 0.1 / log2of3), within(1e-15));
        assertThat(report.toJson()).contains("\"breach\" : true");
    }

    @Test
    void emptyCellsAreMissingNotValues() {
        DriftReport report = drift(null, REFERENCE, "x,c,id", "1,,1", ",a,2");
        assertThat(report.feature("x").currentMissing()).isEqualTo(1);
        assertThat(report.feature("x").currentCount()).isEqualTo(1);
        assertThat(report.feature("c").currentMissing()).isEqualTo(1);
    }

    @Test
    void aTextInANumericFeatureNamesRowAndColumn() {
        assertThatThrownBy(() -> drift(null, REFERENCE, "x,c,id", "1,a,1", "lots,a,2"))
                .isInstanceOf(MetricsInputException.class)
                .hasMessage("row 3, column 'x': a number is needed but the cell holds text");
    }

    @Test
    void aFeatureMissingFromTheCurrentDataIsNamed() {
        assertThatThrownBy(() -> drift(null, REFERENCE, "x,id", "1,1"))
                .isInstanceOf(MetricsInputException.class).hasMessage("row 1, column 'c': not found in the current data's header");
    }

    @Test
    void unknownConfiguredFeatureIsNamed() {
        assertThatThrownBy(() -> drift("{\"features\": [\"nope\"]}", REFERENCE, "x,c,id", "1,a,1"))
                .isInstanceOf(MetricsInputException.class).hasMessage("row 1, column 'nope': not found in the reference data's header");
    }

    @Test
    void aDataSetWithMoreCellsThanDriftKeepsIsRefusedAtTheRowThatCrossesTheCap() {
        // 10 features x 2,000,001 rows crosses 20,000,000 cells at data row 2,000,001 (the header is row 1)
        StringBuilder big = new StringBuilder("a,b,c,d,e,f,g,h,i,j\n");
        for (int i = 0; i < 2_000_001; i++) {
            big.append("1,2,3,4,5,6,7,8,9,0\n");
        }
        String data = big.toString();
        assertThatThrownBy(() -> DriftAnalysis.run(
                new java.io.ByteArrayInputStream(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new java.io.ByteArrayInputStream(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                DriftConfig.defaults()))
                .isInstanceOf(MetricsInputException.class).hasMessageStartingWith("row 2000002: drift compares at most");
    }
}
