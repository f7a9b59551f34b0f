package org.modelgov.fairness.data;

import org.modelgov.fairness.MetricsInputException;

/**
 * A CSV input beyond one of its {@link CsvLimits}. The message names the row (and the column where the
 * header gives one) and the cap, never the content: the input may be a file its sender must not read.
 */
public class CsvLimitExceededException extends MetricsInputException {

    /** Which cap was exceeded. */
    public enum Limit { RECORD_BYTES, FIELD_BYTES, COLUMNS, TOTAL_BYTES }

    private final Limit limit;
    private final long row;
    private final String column;
    private final long cap;

    CsvLimitExceededException(Limit limit, long row, String column, long cap) {
        super(message(limit, row, column, cap));
        this.limit = limit;
        this.row = row;
        this.column = column;
        this.cap = cap;
    }

    private static String message(Limit limit, long row, String column, long cap) {
        String where = "row " + row + (column == null ? "" : ", column '" + column + "'");
        return where + ": " + switch (limit) {
            case RECORD_BYTES -> "the record is longer than " + cap + " bytes, the limit for one CSV record";
            case FIELD_BYTES -> "the field is longer than " + cap + " bytes, the limit for one CSV field";
            case COLUMNS -> "the record has more than " + cap + " fields, the limit for CSV columns";
            case TOTAL_BYTES -> "the data is larger than " + cap + " bytes, the limit for one CSV file;"
                    + " reading stopped at this row";
        };
    }

    public Limit limit() {
        return limit;
    }

    /** Spreadsheet row number (the header is row 1). */
    public long row() {
        return row;
    }

    /** The column's name from the header, or null (in the header itself, or beyond its columns). */
    public String column() {
        return column;
    }

    public long cap() {
        return cap;
    }
}
