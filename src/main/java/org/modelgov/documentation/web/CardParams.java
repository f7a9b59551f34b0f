package org.modelgov.documentation.web;

import org.modelgov.common.InvalidInputException;
import org.modelgov.common.NotFoundException;

/** The numbers in card addresses: a version in the path (else 404), revisions and versions in the query (else 400). */
final class CardParams {

    private static final String NUMBER = "[1-9][0-9]{0,8}";

    private CardParams() {
    }

    static int version(String modelId, String number) {
        if (number == null || !number.matches(NUMBER)) {
            throw new NotFoundException("Model " + modelId + " has no such version: versions are numbered 1, 2, …");
        }
        return Integer.parseInt(number);
    }

    /** An optional revision: null when not given. */
    static Integer revision(String value) {
        return value == null || value.isBlank() ? null : number("revision", value, "a revision number (1, 2, …)");
    }

    static int required(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "is required: " + what);
        }
        return number(field, value, what);
    }

    private static int number(String field, String value, String what) {
        String trimmed = value.trim();
        if (!trimmed.matches(NUMBER)) {
            // the value is not echoed: it is whatever was typed into the address
            throw InvalidInputException.of(field, "must be " + what);
        }
        return Integer.parseInt(trimmed);
    }
}
