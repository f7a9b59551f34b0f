package org.modelgov.evidence;

import java.util.List;

/** What an evidence report measures, and the upload parts each kind takes. */
public enum ReportKind {
    BIAS(List.of("data", "config"), List.of()),
    PERFORMANCE(List.of("data", "config"), List.of()),
    DRIFT(List.of("reference", "current"), List.of("config")),
    /** personal data found in a dataset, or in each of a version's datasets (data = evaluation) */
    PERSONAL_DATA(List.of("data"), List.of("reference", "current")),
    /** champion against challenger after an A/B observation window: produced by the lifecycle, never uploaded */
    AB_COMPARISON(List.of(), List.of());

    private final List<String> requiredParts;
    private final List<String> optionalParts;

    ReportKind(List<String> requiredParts, List<String> optionalParts) {
        this.requiredParts = requiredParts;
        this.optionalParts = optionalParts;
    }

    public List<String> requiredParts() {
        return requiredParts;
    }

    public List<String> optionalParts() {
        return optionalParts;
    }

    /** Whether a person may create the kind by uploading data (an A/B comparison only comes from the stage). */
    public boolean uploaded() {
        return this != AB_COMPARISON;
    }

    public boolean takes(String part) {
        return requiredParts.contains(part) || optionalParts.contains(part);
    }
}
