package org.modelgov.workflow.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.modelgov.workflow.GovernanceRuleViolation;

class FormOnlyFieldsTest {

    private final FormCatalog.Form signOff = FormCatalog.load().form("sign-off").orElseThrow();

    @Test
    void theFormsOwnFieldsPassAsPlainValues() {
        Map<String, Object> fields = GovernanceCommandGuard.onlyFormFields(Map.of("signOffDecision",
                Variables.stringValue("APPROVE"), "signOffComment", "fine"), signOff, "completing 'Sign off'");
        assertThat(fields).containsOnly(Map.entry("signOffDecision", "APPROVE"), Map.entry("signOffComment", "fine"));
        assertThat(GovernanceCommandGuard.onlyFormFields(null, signOff, "x")).isEmpty();
    }

    @Test
    void foreignShownAndSerializedValuesAreRefusedByName() {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("signOffDecision", "APPROVE");
        submitted.put("requiredApprovals", 1);
        submitted.put("failedValidationRounds", 0);
        submitted.put("signOffComment", Variables.objectValue(new java.util.ArrayList<>()).create());
        assertThatThrownBy(() -> GovernanceCommandGuard.onlyFormFields(submitted, signOff, "completing 'Sign off'"))
                .isInstanceOf(GovernanceRuleViolation.class)
                .hasMessage("Refused completing 'Sign off': not fields of this form: failedValidationRounds;"
                        + " shown on the form, not entered: Sign-offs required; must be text, a number, a date or"
                        + " yes/no: Notes (optional)");
    }

    @Test
    void aStepWithoutAFormTakesNoVariables() {
        assertThatThrownBy(() -> GovernanceCommandGuard.onlyFormFields(Map.of("x", 1), null, "completing 'X'"))
                .hasMessageContaining("this step has no form fields; not accepted: x");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedByLabelWithCarriageReturnsOnlyInTextareas() {
        FormCatalog.Form remediation = FormCatalog.load().form("remediate-findings").orElseThrow();
        assertThat(remediation.multiLine()).contains("remediationNotes").doesNotContain("newEvaluationDatasetUri");
        assertThat(GovernanceCommandGuard.onlyFormFields(Map.of("remediationNotes", "fixed\r\n\tthe data"),
                remediation, "x")).containsEntry("remediationNotes", "fixed\r\n\tthe data");

        assertThatThrownBy(() -> GovernanceCommandGuard.onlyFormFields(Map.of("newEvaluationDatasetUri",
                "file:/data/eval.csv\r"), remediation, "completing 'Remediate'"))
                .isInstanceOf(GovernanceRuleViolation.class)
                .hasMessage("Refused completing 'Remediate': 'New evaluation dataset (optional)' must not contain the"
                        + " control character U+000D (at character 20); of those only tab and newline are allowed");
        assertThatThrownBy(() -> GovernanceCommandGuard.onlyFormFields(Map.of("remediationNotes",
                Variables.stringValue("a\u0000b")), remediation, "x"))
                .hasMessageContaining("'What you changed' must not contain the control character U+0000");
        assertThatThrownBy(() -> GovernanceCommandGuard.onlyFormFields(Map.of("remediationNotes", "\udfff"),
                remediation, "x"))
                .hasMessageContaining("'What you changed' must not contain a lone UTF-16 surrogate (U+DFFF");
    }
}
