package org.modelgov.validation;

/** Port: the {@code PersonalDataPolicy} decision (DMN): how personal data found weighs against what was declared. */
public interface PersonalDataPolicy {

    /** What a finding's level is and why. */
    record Verdict(FindingLevel level, String reason) {
    }

    /**
     * @param declared the questionnaire's answer: NONE, PERSONAL or SPECIAL_CATEGORY
     * @param found    what the scan found in one column, or NONE when it found nothing in any dataset
     */
    Verdict judge(String declared, String found);
}
