package org.modelgov.fairness.config;

import org.modelgov.fairness.data.CsvHeader;

/** Clarify's {@code name_or_index}: a column named in the header, or a 0-based column index. */
public record ColumnRef(String name, Integer index) {

    public static ColumnRef named(String name) {
        return new ColumnRef(name, null);
    }

    /** The column's index in {@code header}; fails with a one-line message when it is not there. */
    public int resolve(CsvHeader header, String role) {
        return header.require(index != null ? (Object) index : name, role);
    }

    @Override
    public String toString() {
        return name != null ? name : String.valueOf(index);
    }
}
