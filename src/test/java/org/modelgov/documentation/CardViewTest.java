package org.modelgov.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardViewTest {

    @Test
    void sectionsInSchemaOrderWithReadableLabelsAndMetricsAsATable() {
        CardView view = CardView.of("""
                {"additional_information":{"ethical_considerations":"Bias checked"},
                 "model_overview":{"model_name":"CREDIT-1","model_artifact":["s3://b/m.tar.gz","s3://b/n.tar.gz"]},
                 "intended_uses":{"risk_rating":"High","factors_affecting_model_efficiency":"Seasonality"},
                 "evaluation_details":[{"name":"Round 2","datasets":["file:eval.csv"],
                   "metric_groups":[{"name":"Findings","metric_data":[
                     {"name":"DI","type":"number","value":0.91,"notes":"PASS: above 0.8"}]}]}],
                 "x_custom_section":{"line_count":3}}""");

        assertThat(view.blocks()).extracting(CardView.Block::level, CardView.Block::heading).containsExactly(
                tuple(2, "Model overview"), tuple(2, "Intended uses"), tuple(2, "Evaluation: Round 2"),
                tuple(3, "Findings"), tuple(2, "Additional information"), tuple(2, "X custom section"));
        assertThat(view.blocks().get(0).fields()).extracting(CardView.Field::label, CardView.Field::value)
                .containsExactly(tuple("Model name", "CREDIT-1"), tuple("Artifacts", "s3://b/m.tar.gz, s3://b/n.tar.gz"));
        assertThat(view.field("Factors affecting model efficiency")).isEqualTo("Seasonality");
        assertThat(view.field("Datasets")).isEqualTo("file:eval.csv");
        CardView.Table metrics = view.blocks().get(3).tables().get(0);
        assertThat(metrics.caption()).isEqualTo("Metrics");
        assertThat(metrics.columns()).containsExactly("Name", "Type", "Value", "Notes");
        assertThat(metrics.rows()).containsExactly(List.of("DI", "number", "0.91", "PASS: above 0.8"));
        assertThat(view.field("Line count")).isEqualTo("3");
    }

    @Test
    void contentThatIsNotAnObjectIsShownAsText() {
        assertThat(CardView.of("not json").field("Content")).isEqualTo("not json");
    }
}
