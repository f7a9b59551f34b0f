package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The texts ModelGov writes on tasks: markdown that shows what people wrote as written, and the descriptions. */
class TaskDisplayTextTest {

    @Test
    void whatPeopleWroteCannotAddLinksImagesOrTableCells() {
        String escaped = MarkdownText.escape("see [here](javascript:alert(1)) | ![x](http://evil/x.png) <b>*a*</b>\nnext");
        assertThat(escaped).isEqualTo("see \\[here\\]\\(javascript:alert\\(1\\)\\) \\| \\!\\[x\\]\\(http://evil/x\\.png\\)"
                + " \\<b\\>\\*a\\*\\</b\\> next");
        assertThat(MarkdownText.escape(null)).isEmpty();
    }

    @Test
    void aTableHasAHeaderASeparatorAndOneLinePerRow() {
        assertThat(MarkdownText.table(List.of("Check", "Verdict"), List.of(List.of("DI", "**PASS**"),
                List.of("", "x")))).isEqualTo("| Check | Verdict |\n|---|---|\n| DI | **PASS** |\n|   | x |\n");
        assertThat(MarkdownText.link("Bias report", "/reports/abc")).isEqualTo("[Bias report](/reports/abc)");
    }

    @Test
    void everyGovernedTaskHasADescriptionWithTheModelFilledIn() {
        TaskDescriptions descriptions = TaskDescriptions.load();
        for (String key : List.of("Task_AnswerRiskQuestionnaire", "Task_ReviewRiskTier", "Task_RemediateFindings",
                "Task_DecideAfterRepeatedFailures", "Task_SignOff", "Task_ReviewTechnicalValidation",
                "Task_ReviewEthics", "Task_ConfirmBusinessFitness", "Task_DecideReassessment", "Task_Triage",
                "Task_Investigate", "Task_Remediate", "Task_FileRegulatoryReport", "Task_PostIncidentReview",
                "Task_AttestInventoryRecord")) {
            assertThat(descriptions.has(key)).as(key).isTrue();
        }
        Map<String, String> facts = new HashMap<>(Map.of("model", "Credit line model", "versionId", "CL-1:2",
                "version", "2", "tier", "HIGH"));
        assertThat(descriptions.describe("Task_SignOff", "Sign off model", facts))
                .startsWith("Sign off Credit line model version 2 (CL-1:2, tier HIGH) for production")
                .doesNotContain("{");
        // a task the catalogue does not know says its name and the model; unknown facts read as a dash
        assertThat(descriptions.describe("Task_New", "Check something", facts))
                .isEqualTo("Check something for Credit line model version 2 (CL-1:2).");
        assertThat(descriptions.describe("Task_Triage", "Triage incident", Map.of("model", "M")))
                .startsWith("Triage incident — on M (tier —)");
    }
}
