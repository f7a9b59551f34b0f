package org.modelgov.common;

/** One invalid input field (or query parameter) and why, in words a user can act on. */
public record FieldViolation(String field, String message) {
}
