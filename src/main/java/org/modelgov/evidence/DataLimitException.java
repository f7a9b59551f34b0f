package org.modelgov.evidence;

import org.modelgov.fairness.data.CsvLimitExceededException;
import org.modelgov.fairness.data.CsvLimitExceededException.Limit;

/**
 * An uploaded CSV part beyond one of the data set caps ({@code modelgov.datasets.limits.*}). The message
 * names the part, the row and column where known, and the cap; never the file's content.
 */
public class DataLimitException extends RuntimeException {

    private final String part;
    private final String reason;
    private final Limit limit;
    private final Long row;
    private final String column;

    DataLimitException(String part, CsvLimitExceededException e) {
        super(part + ": " + e.getMessage(), e);
        this.part = part;
        this.reason = e.getMessage();
        this.limit = e.limit();
        this.row = e.row();
        this.column = e.column();
    }

    /** Refused by its declared size, before a byte of it is parsed. */
    static DataLimitException tooLarge(String part, long size, long cap) {
        return new DataLimitException(part, "is " + size + " bytes, larger than " + cap
                + " bytes, the limit for one CSV file");
    }

    private DataLimitException(String part, String reason) {
        super(part + ": " + reason);
        this.part = part;
        this.reason = reason;
        this.limit = Limit.TOTAL_BYTES;
        this.row = null;
        this.column = null;
    }

    public String part() {
        return part;
    }

    /** The message without the part's name: what is wrong with it. */
    public String reason() {
        return reason;
    }

    public Limit limit() {
        return limit;
    }

    /** Spreadsheet row number (header = 1), or null when the part was refused before it was read. */
    public Long row() {
        return row;
    }

    public String column() {
        return column;
    }
}
