package org.modelgov.fairness.data;

import java.util.List;

import org.modelgov.fairness.MetricsInputException;

/** The column names from a CSV header row, and lookups that fail with a message naming the column. */
public record CsvHeader(List<String> names) {

    public CsvHeader {
        names = List.copyOf(names);
    }

    public int size() {
        return names.size();
    }

    public String name(int column) {
        return names.get(column);
    }

    /** Index of the column named {@code name}, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /**
     * Resolves Clarify's {@code name_or_index}: a column name, or a 0-based column index.
     *
     * @param role what the column is for, used in the error message ("label", "facet"...)
     */
    public int require(Object nameOrIndex, String role) {
        if (nameOrIndex instanceof Integer index) {
            if (index < 0 || index >= names.size()) {
                throw new MetricsInputException("row 1: " + role + " column index " + index
                        + " is outside the header's " + names.size() + " columns");
            }
            return index;
        }
        int index = names.indexOf(String.valueOf(nameOrIndex));
        if (index < 0) {
            // the header's own names are not listed: the file may be one its sender must not read
            throw new MetricsInputException("row 1, column '" + nameOrIndex + "': " + role
                    + " column not found in the header's " + names.size() + " columns");
        }
        return index;
    }
}
