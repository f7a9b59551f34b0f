package org.modelgov.fairness.data;

/**
 * How much one CSV input may hold, so that no input can make the reader (or the server) run out of
 * memory: the reader's buffer never grows past one record, and the column arrays never past the
 * column cap.
 *
 * @param maxRecordBytes bytes in one record, without its line break (a quoted field's line breaks count)
 * @param maxFieldBytes  bytes in one field, without its surrounding quotes
 * @param maxColumns     fields in one record, the header's included
 * @param maxTotalBytes  bytes in the whole input
 */
public record CsvLimits(int maxRecordBytes, int maxFieldBytes, int maxColumns, long maxTotalBytes) {

    /**
     * 1 MiB per record (2,000 columns of 500 bytes), 64 KiB per field (a long free-text cell), 2,000
     * columns (wide feature tables), 512 MiB per file (the upload cap; about 15 million rows of 7 columns).
     */
    public static final CsvLimits DEFAULTS = new CsvLimits(1 << 20, 64 << 10, 2_000, 512L << 20);

    /** The largest record cap: the buffer holds a record plus its line break in one Java array. */
    static final int MAX_RECORD_CAP = Integer.MAX_VALUE - 16;

    public CsvLimits {
        if (maxRecordBytes < 1 || maxRecordBytes > MAX_RECORD_CAP) {
            throw new IllegalArgumentException("the record cap must be between 1 and " + MAX_RECORD_CAP + " bytes");
        }
        if (maxFieldBytes < 1 || maxColumns < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("the field, column and total size caps must be positive");
        }
    }
}
