package org.modelgov.fairness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.bias.BiasMetric;

class AnalysisConfigTest {

    @Test
    void readsClarifysAnalysisConfig() {
        AnalysisConfig config = AnalysisConfig.parse("""
                {"dataset_type": "text/csv", "label": "Target", "label_values_or_threshold": [1, "yes"],
                 "facet": [{"name_or_index": "Gender", "value_or_threshold": [0]}, {"name_or_index": 3, "type": "continuous", "value_or_threshold": [40.5]}],
                 "group_variable": "Region", "predicted_label": "Prediction", "probability_threshold": 0.7,
                 "methods": {"pre_training_bias": {"methods": "all"}, "post_training_bias": {"methods": ["DPPL", "DI"]}}}""");
        assertThat(config.label()).isEqualTo(ColumnRef.named("Target"));
        assertThat(config.labelRule().values()).extracting(ConfiguredValue::text).containsExactly("1", "yes");
        assertThat(config.facets()).hasSize(2);
        assertThat(config.facets().get(1).column()).isEqualTo(new ColumnRef(null, 3));
        assertThat(config.facets().get(1).rule().declaredType()).isEqualTo(ValueType.CONTINUOUS);
        assertThat(config.facets().get(1).rule().values().get(0).text()).isEqualTo("40.5");
        assertThat(config.groupVariable()).isEqualTo(ColumnRef.named("Region"));
        assertThat(config.probabilityThreshold()).isEqualTo(0.7);
        assertThat(config.preTraining().metrics()).hasSize(8);
        assertThat(config.postTraining().metrics()).containsExactlyInAnyOrder(BiasMetric.DPPL, BiasMetric.DI);
    }

    @Test
    void withoutMethodsBothStagesRunWhenThereIsAPrediction() {
        AnalysisConfig config = AnalysisConfig.parse("{\"label\": \"y\", \"predicted_label\": \"p\"}");
        assertThat(config.preTraining().metrics()).hasSize(8);
        assertThat(config.postTraining().metrics()).hasSize(13);
        assertThat(AnalysisConfig.parse("{\"label\": \"y\"}").postTraining()).isNull();
    }

    @Test
    void unknownMetricNamesAreRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> AnalysisConfig.parse("""
                {"label": "y", "methods": {"pre_training_bias": {"methods": ["CI", "XYZ"]}}}"""))
                .isInstanceOf(MetricsInputException.class)
                .hasMessage("config, field 'methods.pre_training_bias.methods': unknown metric 'XYZ'; known: CDDL, CI, DPL, JS, KL, KS, LP, TVD");
        assertThatThrownBy(() -> AnalysisConfig.parse("""
                {"label": "y", "methods": {"post_training_bias": {"methods": ["CI"]}}}"""))
                .isInstanceOf(MetricsInputException.class).hasMessageContaining("unknown metric 'CI'");
    }

    @Test
    void reportsMissingOrMalformedFields() {
        assertThatThrownBy(() -> AnalysisConfig.parse("{\"facet\": []}")).isInstanceOf(MetricsInputException.class)
                .hasMessage("config, field 'label': missing");
        assertThatThrownBy(() -> AnalysisConfig.parse("{\"label\": \"y\", \"facet\": [{\"name_or_index\": \"a\", \"type\": \"ordinal\"}]}"))
                .isInstanceOf(MetricsInputException.class).hasMessageContaining("must be \"categorical\" or \"continuous\"");
        assertThatThrownBy(() -> AnalysisConfig.parse("{\"label\": \"y\", \"facet\": [{\"name_or_index\": \"a\", \"type\": \"continuous\", \"value_or_threshold\": [1, 2]}]}"))
                .isInstanceOf(MetricsInputException.class).hasMessage("config, field 'facet[0].value_or_threshold': type \"continuous\" needs exactly one number as threshold");
        assertThatThrownBy(() -> AnalysisConfig.parse("{\"label\": \"y\", \"probability_threshold\": \"high\"}"))
                .isInstanceOf(MetricsInputException.class).hasMessage("config, field 'probability_threshold': must be a number, got high");
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> AnalysisConfig.parse("{\"label\": \"y\",\n \"facet\": [}"))
                .isInstanceOf(MetricsInputException.class).hasMessageStartingWith("config: not valid JSON at line 2, column 12");
        assertThatThrownBy(() -> AnalysisConfig.parse("")).isInstanceOf(MetricsInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> AnalysisConfig.parse("[1]")).isInstanceOf(MetricsInputException.class).hasMessage("config: must be a JSON object");
    }
}
