package org.modelgov.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field violations so one response can name every invalid field. */
public final class Violations {

    private final List<FieldViolation> list = new ArrayList<>();

    public Violations add(String field, String message) {
        list.add(new FieldViolation(field, message));
        return this;
    }

    public Violations addAll(List<FieldViolation> others) {
        list.addAll(others);
        return this;
    }

    public boolean has(String field) {
        return list.stream().anyMatch(v -> v.field().equals(field));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(list);
    }

    /** Required text: present, not blank, at most {@code max} characters. */
    public void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else {
            checkLength(field, value, max);
        }
    }

    /** Optional text: when present, not blank and at most {@code max} characters. */
    public void optionalText(String field, String value, int max) {
        if (value != null) {
            if (value.isBlank()) {
                add(field, "must not be blank (leave it out or send null instead)");
            } else {
                checkLength(field, value, max);
            }
        }
    }

    /** Optional text that must match a pattern, explained by {@code rule}. */
    public void optionalPattern(String field, String value, int max, Pattern pattern, String rule) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            add(field, "must be at most " + max + " characters");
        } else if (!pattern.matcher(value).matches()) {
            add(field, rule);
        }
    }

    private void checkLength(String field, String value, int max) {
        if (value.length() > max) {
            add(field, "must be at most " + max + " characters (got " + value.length() + ")");
        }
    }

    /** Throws an {@link InvalidInputException} with everything collected, if anything was. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
