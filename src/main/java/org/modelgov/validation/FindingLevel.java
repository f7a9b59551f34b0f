package org.modelgov.validation;

/** How a finding weighs: any FAIL fails the round; WARN is shown to reviewers; PASS and INFO are evidence. */
public enum FindingLevel {
    FAIL, WARN, PASS, INFO
}
