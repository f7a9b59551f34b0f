package org.modelgov.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardDiffTest {

    private static final String V1 = """
            {"model_overview":{"model_name":"CREDIT-1","model_version":1,"problem_type":"Binary Classification"},
             "intended_uses":{"purpose_of_model":"Score retail credit applications for default risk","risk_rating":"Medium"},
             "evaluation_details":[{"name":"Round 1","metric_groups":[{"name":"Findings","metric_data":[
                {"name":"DI","type":"number","value":0.85},
                {"name":"AUC","type":"number","value":0.79}]}]}],
             "additional_information":{"caveats_and_recommendations":"Retrain yearly"}}""";

    private static final String V2 = """
            {"model_overview":{"model_name":"CREDIT-1","model_version":2,"problem_type":"Binary Classification"},
             "intended_uses":{"purpose_of_model":"Score retail and small business credit applications for default risk",
                "risk_rating":"High","intended_uses":"Pre-screening only"},
             "evaluation_details":[{"name":"Round 1","metric_groups":[{"name":"Findings","metric_data":[
                {"name":"PSI","type":"number","value":0.04},
                {"name":"DI","type":"number","value":0.91},
                {"name":"AUC","type":"number","value":0.79}]}]}]}""";

    @Test
    void changedAddedRemovedAndUnchangedFieldsAreTold() {
        CardDiff diff = CardDiff.between(V1, V2);

        assertThat(diff.differences()).extracting(CardDiff.Change::label, CardDiff.Change::kind,
                CardDiff.Change::from, CardDiff.Change::to).containsExactly(
                tuple("Model overview › Version", CardDiff.Kind.CHANGED, "1", "2"),
                tuple("Intended uses › Purpose", CardDiff.Kind.CHANGED,
                        "Score retail credit applications for default risk",
                        "Score retail and small business credit applications for default risk"),
                tuple("Intended uses › Risk rating", CardDiff.Kind.CHANGED, "Medium", "High"),
                tuple("Intended uses › Intended uses", CardDiff.Kind.ADDED, null, "Pre-screening only"),
                tuple("Evaluation › Round 1 › Findings › PSI › Type",
                        CardDiff.Kind.ADDED, null, "number"),
                tuple("Evaluation › Round 1 › Findings › PSI › Value",
                        CardDiff.Kind.ADDED, null, "0.04"),
                tuple("Evaluation › Round 1 › Findings › DI › Value",
                        CardDiff.Kind.CHANGED, "0.85", "0.91"),
                tuple("Additional information › Caveats and recommendations", CardDiff.Kind.REMOVED,
                        "Retrain yearly", null));
        assertThat(diff.count(CardDiff.Kind.UNCHANGED)).isEqualTo(5);
        assertThat(diff.unchanged()).extracting(CardDiff.Change::path).contains(
                "evaluation_details[Round 1].metric_groups[Findings].metric_data[AUC].value");
    }

    @Test
    void metricsAreMatchedByNameNotByPosition() {
        // PSI comes first in v2: by position every metric would have changed; by name only DI did
        CardDiff diff = CardDiff.between(V1, V2);

        assertThat(diff.differences()).filteredOn(c -> c.path().contains("metric_data"))
                .extracting(CardDiff.Change::path, CardDiff.Change::kind).containsExactly(
                        tuple("evaluation_details[Round 1].metric_groups[Findings].metric_data[PSI].type",
                                CardDiff.Kind.ADDED),
                        tuple("evaluation_details[Round 1].metric_groups[Findings].metric_data[PSI].value",
                                CardDiff.Kind.ADDED),
                        tuple("evaluation_details[Round 1].metric_groups[Findings].metric_data[DI].value",
                                CardDiff.Kind.CHANGED));
    }

    @Test
    void aRemovedMetricIsOneRemovalAndSameCardsHaveNoDifferences() {
        String without = V1.replace("{\"name\":\"DI\",\"type\":\"number\",\"value\":0.85},", "");

        assertThat(CardDiff.between(V1, without).differences()).extracting(CardDiff.Change::label,
                CardDiff.Change::kind).containsExactly(
                tuple("Evaluation › Round 1 › Findings › DI › Type", CardDiff.Kind.REMOVED),
                tuple("Evaluation › Round 1 › Findings › DI › Value",
                        CardDiff.Kind.REMOVED));
        assertThat(CardDiff.between(V1, V1).isSame()).isTrue();
        assertThat(CardDiff.between(V1, V1).count(CardDiff.Kind.UNCHANGED)).isEqualTo(CardPaths.of(V1).size());
    }

    @Test
    void longTextGetsAWordDiffShortValuesDoNot() {
        CardDiff diff = CardDiff.between(V1, V2);

        CardDiff.Change purpose = diff.changes().stream()
                .filter(c -> c.path().equals("intended_uses.purpose_of_model")).findFirst().orElseThrow();
        assertThat(purpose.words()).containsExactly(
                new WordDiff.Segment(WordDiff.Kind.SAME, "Score retail"),
                new WordDiff.Segment(WordDiff.Kind.ADDED, "and small business"),
                new WordDiff.Segment(WordDiff.Kind.SAME, "credit applications for default risk"));
        CardDiff.Change rating = diff.changes().stream()
                .filter(c -> c.path().equals("intended_uses.risk_rating")).findFirst().orElseThrow();
        assertThat(rating.words()).isNull();
    }

    @Test
    void itemsWithoutNamesAreMatchedByPositionAndDuplicateNamesStayApart() {
        List<CardPaths.Entry> entries = CardPaths.of("""
                {"evaluation_details":[{"evaluation_observation":"first"},{"name":"X","datasets":["a","b"]},
                 {"name":"X","evaluation_observation":"again"}]}""");

        assertThat(entries).extracting(CardPaths.Entry::path, CardPaths.Entry::value).containsExactly(
                tuple("evaluation_details[#1].evaluation_observation", "first"),
                tuple("evaluation_details[X].datasets", "a, b"),
                tuple("evaluation_details[X#2].evaluation_observation", "again"));
    }
}
