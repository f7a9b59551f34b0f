package org.modelgov.workflow.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormCatalogTest {

    private final FormCatalog forms = FormCatalog.load();

    @Test
    void everyDeployedFormIsReadWithTheFieldsAPersonFillsInAndThoseItOnlyShows() {
        assertThat(forms.all()).containsKeys("sign-off", "risk-questionnaire", "review-risk-tier",
                "register-model-version", "triage-incident");
        FormCatalog.Form signOff = forms.form("sign-off").orElseThrow();
        assertThat(signOff.editable()).containsOnlyKeys("signOffDecision", "signOffComment", "signOffRefusalReason");
        assertThat(signOff.shown()).containsKeys("versionId", "riskTier", "requiredApprovals", "signOffProgress",
                "riskDecision", "riskJustification");
    }

    @Test
    void aRuleSentenceNamesFieldsByTheirLabels() {
        FormCatalog.Form signOff = forms.form("sign-off").orElseThrow();
        assertThat(signOff.humanize("signOffRefusalReason is required: a refusal must say why"))
                .isEqualTo("'Why do you refuse sign-off?' is required: a refusal must say why");
        // whole names only: a longer word that starts with a field name stays as it is
        assertThat(signOff.humanize("signOffCommentary")).isEqualTo("signOffCommentary");
        assertThat(signOff.humanize(null)).isNull();
    }
}
