package org.modelgov.privacy;

/**
 * What a detector finds. The first nine are personal data (identify a person, GDPR Art. 4(1)); the rest are the
 * special categories of GDPR Art. 9, whose processing is prohibited unless an Art. 9(2) exception applies.
 */
public enum PersonalDataKind {
    EMAIL("e-mail address", false),
    PHONE("phone number", false),
    US_SSN("US social security number", false),
    UK_NINO("UK national insurance number", false),
    PAYMENT_CARD("payment card number", false),
    IBAN("IBAN", false),
    IP_ADDRESS("IP address", false),
    DATE_OF_BIRTH("date of birth", false),
    PERSON_NAME("person name", false),
    RACIAL_OR_ETHNIC_ORIGIN("racial or ethnic origin", true),
    POLITICAL_OPINIONS("political opinions", true),
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS("religious or philosophical beliefs", true),
    TRADE_UNION_MEMBERSHIP("trade-union membership", true),
    GENETIC_DATA("genetic data", true),
    BIOMETRIC_DATA("biometric data", true),
    HEALTH("health", true),
    SEX_LIFE_OR_SEXUAL_ORIENTATION("sex life or sexual orientation", true);

    private final String label;
    private final boolean specialCategory;

    PersonalDataKind(String label, boolean specialCategory) {
        this.label = label;
        this.specialCategory = specialCategory;
    }

    public String label() {
        return label;
    }

    /** A special category of personal data (GDPR Art. 9). */
    public boolean specialCategory() {
        return specialCategory;
    }

    int bit() {
        return 1 << ordinal();
    }
}
