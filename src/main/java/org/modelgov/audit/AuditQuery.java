package org.modelgov.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.modelgov.common.Violations;

/**
 * A filtered page of the audit log. Null filters match everything. {@code modelId} matches the model's own
 * events and those of its versions, incidents and reports ({@code <modelId>:...}); {@code from}/{@code to} are
 * whole UTC days, both included.
 */
public record AuditQuery(String modelId, String user, String action, LocalDate from, LocalDate to, int page,
                         int size, boolean newestFirst) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 100;

    /** Reads request parameters, naming every one that is wrong; {@code sizeField} is how the caller named it. */
    public static AuditQuery parse(String modelId, String user, String action, String from, String to, String page,
                                   String size, String sizeField, String order, int defaultSize) {
        Violations v = new Violations();
        String model = text(v, "modelId", modelId, 128);
        String actor = text(v, "user", user, 64);
        String act = text(v, "action", action, 64);
        LocalDate fromDay = date(v, "from", from);
        LocalDate toDay = date(v, "to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            v.add("from", "must not be after 'to' (" + toDay + ")");
        }
        int pageNumber = number(v, "page", page, 0, 0, 1_000_000);
        int pageSize = number(v, sizeField, size, defaultSize, 1, MAX_SIZE);
        String sortOrder = blankToNull(order);
        if (sortOrder != null && !sortOrder.equals("newest") && !sortOrder.equals("oldest")) {
            v.add("order", "must be newest or oldest");
        }
        v.throwIfAny();
        return new AuditQuery(model, actor, act == null ? null : act.toUpperCase(Locale.ROOT), fromDay, toDay,
                pageNumber, pageSize, !"oldest".equals(sortOrder));
    }

    /** The first instant included, or null. */
    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant no longer included (the day after {@code to}), or null. */
    Instant untilInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    long offset() {
        return (long) page * size;
    }

    private static String text(Violations v, String name, String value, int max) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            v.add(name, "must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    private static LocalDate date(Violations v, String name, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            v.add(name, "must be an ISO date like 2026-01-31 (got '" + abbreviate(text) + "')");
            return null;
        }
    }

    private static int number(Violations v, String name, String value, int defaultValue, int min, int max) {
        String text = blankToNull(value);
        if (text == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                v.add(name, "must be between " + min + " and " + max);
                return defaultValue;
            }
            return n;
        } catch (NumberFormatException e) {
            v.add(name, "must be a whole number");
            return defaultValue;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
