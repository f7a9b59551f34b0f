package org.modelgov.common;

import java.util.List;

/** Input that breaks a rule; carries every violation found, not just the first. Maps to HTTP 400. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        StringBuilder text = new StringBuilder();
        for (FieldViolation v : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(v.field()).append(": ").append(v.message());
        }
        return text.toString();
    }
}
