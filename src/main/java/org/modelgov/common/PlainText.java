package org.modelgov.common;

/**
 * What text a person may store: no control characters U+0000–U+001F but tab and newline (carriage return too
 * where the field takes several lines), and no lone UTF-16 surrogate. PostgreSQL refuses a NUL outright, and the
 * others only hide content from whoever reads the record, the audit trail or a notification later.
 */
public final class PlainText {

    private PlainText() {
    }

    /** @return why {@code text} cannot be stored, in words for a field violation; null when it can (or is null) */
    public static String problem(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(c == '\t' || c == '\n' || c == '\r' && multiLine)) {
                return "must not contain the control character U+%04X (at character %d); of those only %s"
                        .formatted((int) c, i + 1, multiLine ? "tab, newline and carriage return are allowed"
                                : "tab and newline are allowed");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain a lone UTF-16 surrogate (U+%04X at character %d)".formatted((int) c, i + 1);
            }
        }
        return null;
    }
}
