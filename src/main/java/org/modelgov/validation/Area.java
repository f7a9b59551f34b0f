package org.modelgov.validation;

/** Which part of the governance a finding belongs to. */
public enum Area {
    TECHNICAL, ETHICAL, BUSINESS, MONITORING
}
