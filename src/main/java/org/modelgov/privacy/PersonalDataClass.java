package org.modelgov.privacy;

/**
 * How much personal data a dataset holds, in the questionnaire's own terms (its {@code personalData} answer):
 * none, personal data, or special-category data (GDPR Art. 9), the last including the second.
 */
public enum PersonalDataClass {
    NONE, PERSONAL, SPECIAL_CATEGORY;

    static PersonalDataClass of(PersonalDataKind kind) {
        return kind.specialCategory() ? SPECIAL_CATEGORY : PERSONAL;
    }

    PersonalDataClass max(PersonalDataClass other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
