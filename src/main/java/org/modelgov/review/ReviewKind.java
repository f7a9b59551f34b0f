package org.modelgov.review;

import java.util.Arrays;
import java.util.Optional;

/**
 * The decisions people take in the governance lifecycle, one per kind of user task. Each kind says who
 * may take it: the model's own people (its owner or registrant) or someone independent of the model.
 */
public enum ReviewKind {
    RISK_QUESTIONNAIRE("Task_AnswerRiskQuestionnaire", Party.MODEL_PEOPLE),
    RISK_TIER_REVIEW("Task_ReviewRiskTier", Party.INDEPENDENT),
    TECHNICAL_VALIDATION("Task_ReviewTechnicalValidation", Party.INDEPENDENT),
    ETHICAL_VALIDATION("Task_ReviewEthics", Party.INDEPENDENT),
    BUSINESS_VALIDATION("Task_ConfirmBusinessFitness", Party.INDEPENDENT),
    REMEDIATION("Task_RemediateFindings", Party.MODEL_PEOPLE),
    REPEATED_FAILURE_DECISION("Task_DecideAfterRepeatedFailures", Party.INDEPENDENT),
    SIGN_OFF("Task_SignOff", Party.INDEPENDENT),
    REASSESSMENT("Task_DecideReassessment", Party.INDEPENDENT);

    /** Who may take a decision of this kind. */
    public enum Party {
        /** the model's owner or whoever registered the model or the version */
        MODEL_PEOPLE,
        /** anyone but those */
        INDEPENDENT
    }

    private final String taskDefinitionKey;
    private final Party party;

    ReviewKind(String taskDefinitionKey, Party party) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.party = party;
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    public Party party() {
        return party;
    }

    public boolean isValidation() {
        return this == TECHNICAL_VALIDATION || this == ETHICAL_VALIDATION || this == BUSINESS_VALIDATION;
    }

    public static Optional<ReviewKind> ofTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(k -> k.taskDefinitionKey.equals(taskDefinitionKey)).findFirst();
    }
}
