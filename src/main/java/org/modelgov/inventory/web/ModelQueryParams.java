package org.modelgov.inventory.web;

import java.util.Locale;
import org.modelgov.common.Violations;
import org.modelgov.inventory.ModelQuery;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.RiskTier;

/** Reads the inventory's query parameters, naming every one that is wrong. */
final class ModelQueryParams {

    static final int DEFAULT_SIZE = 20;

    private ModelQueryParams() {
    }

    static ModelQuery parse(String riskTier, String status, String owner, String q, String page, String size,
                            String sort) {
        Violations v = new Violations();
        RiskTier tier = parseEnum(v, "riskTier", riskTier, RiskTier.class);
        ModelStatus modelStatus = parseEnum(v, "status", status, ModelStatus.class);
        String text = blankToNull(q);
        if (text != null && text.length() > 200) {
            v.add("q", "must be at most 200 characters");
        }
        int pageNumber = parseInt(v, "page", page, 0, 0, 1_000_000);
        int pageSize = parseInt(v, "size", size, DEFAULT_SIZE, 1, ModelQuery.MAX_PAGE_SIZE);
        ModelQuery.SortField sortField = ModelQuery.SortField.ID;
        boolean descending = false;
        String sortText = blankToNull(sort);
        if (sortText != null) {
            String[] parts = sortText.split(",", -1);
            sortField = ModelQuery.SortField.fromJsonName(parts[0].trim());
            String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
            if (sortField == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                v.add("sort", "must be <field>[,asc|desc] with field one of id, name, riskTier, status, owner,"
                        + " nextReviewDue, createdAt, updatedAt");
                sortField = ModelQuery.SortField.ID;
            }
            descending = direction.equals("desc");
        }
        v.throwIfAny();
        return new ModelQuery(tier, modelStatus, blankToNull(owner), text, pageNumber, pageSize, sortField, descending);
    }

    private static <E extends Enum<E>> E parseEnum(Violations v, String name, String value, Class<E> type) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static int parseInt(Violations v, String name, String value, int defaultValue, int min, int max) {
        String text = blankToNull(value);
        if (text == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(text.trim());
            if (number < min || number > max) {
                v.add(name, "must be between " + min + " and " + max);
                return defaultValue;
            }
            return number;
        } catch (NumberFormatException e) {
            v.add(name, "must be a whole number");
            return defaultValue;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
