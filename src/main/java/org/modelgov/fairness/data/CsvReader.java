package org.modelgov.fairness.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.modelgov.fairness.MetricsInputException;

/**
 * Streams an RFC 4180 CSV file (header row first, comma separated, CRLF or LF, fields optionally
 * in double quotes with {@code ""} for a quote) into a {@link CsvRowHandler}.
 *
 * <p>It works on bytes in one large reused buffer and hands out field boundaries, so the cost per
 * row is a scan of its bytes and no allocation. A record that crosses the end of the buffer is moved
 * to the front before the next read. Blank lines are skipped (as pandas does); a record whose field
 * count differs from the header's is an error.
 *
 * <p>Every input is bounded by {@link CsvLimits}: the buffer grows only up to one record (plus its line
 * break), the field arrays only up to the column cap, and the checks cost a few comparisons per record and
 * per buffer fill, nothing per byte. Beyond a cap it throws {@link CsvLimitExceededException}.
 */
public final class CsvReader {

    private static final int INITIAL_BUFFER = 1 << 20;

    /** Bytes that end an unquoted field: one table lookup instead of three comparisons per byte. */
    private static final boolean[] ENDS_FIELD = new boolean[256];

    static {
        ENDS_FIELD[','] = true;
        ENDS_FIELD['\n'] = true;
        ENDS_FIELD['\r'] = true;
    }

    private final InputStream in;
    private final CsvLimits limits;
    /** A record of the largest allowed length, with a CRLF after it. */
    private final int maxBuffer;
    private byte[] buffer;
    private int limit;
    private boolean endOfInput;
    private boolean[] hasEscapedQuotes = new boolean[16];
    private long rowNumber;
    private long totalBytes;
    private CsvHeader header;

    private CsvReader(InputStream in, CsvLimits limits) {
        this.in = in;
        this.limits = limits;
        this.maxBuffer = limits.maxRecordBytes() + 2;
        this.buffer = new byte[Math.min(INITIAL_BUFFER, maxBuffer)];
    }

    /** Reads the whole stream within the {@link CsvLimits#DEFAULTS}; the caller closes it. */
    public static void read(InputStream in, CsvRowHandler handler) {
        read(in, CsvLimits.DEFAULTS, handler);
    }

    /** Reads the whole stream; the caller closes it. */
    public static void read(InputStream in, CsvLimits limits, CsvRowHandler handler) {
        try {
            new CsvReader(in, limits).readAll(handler);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the CSV data: " + e.getMessage(), e);
        }
    }

    private void readAll(CsvRowHandler handler) throws IOException {
        fill(0);
        int position = skipByteOrderMark();
        CsvRow record = new CsvRow(null);
        record.buffer = buffer;
        position = nextRecord(record, position);
        if (position < 0) {
            throw new MetricsInputException("row 1: the CSV file is empty; a header row is needed");
        }
        header = new CsvHeader(fieldTexts(record));
        handler.header(header);
        CsvRow row = new CsvRow(header);
        long dataRows = 0;
        while (true) {
            position = nextRecord(row, position);
            if (position < 0) {
                break;
            }
            if (row.fieldCount != header.size()) {
                throw new MetricsInputException("row " + row.rowNumber + ": " + row.fieldCount
                        + " fields but the header has " + header.size() + " columns");
            }
            dataRows++;
            handler.row(row);
        }
        if (dataRows == 0) {
            throw new MetricsInputException("row 2: the CSV file has a header but no data rows");
        }
    }

    private int skipByteOrderMark() {
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            return 3;
        }
        return 0;
    }

    private static List<String> fieldTexts(CsvRow record) {
        List<String> names = new ArrayList<>(record.fieldCount);
        for (int i = 0; i < record.fieldCount; i++) {
            names.add(record.text(i).strip());
        }
        return names;
    }

    /**
     * Parses the next non-blank record starting at {@code position} into {@code row}.
     *
     * @return the position after the record, or -1 at the end of the input
     */
    private int nextRecord(CsvRow row, int position) throws IOException {
        row.buffer = buffer;
        while (true) {
            int end = parseRecord(row, position);
            if (end == -1) {
                if (endOfInput) {
                    return -1; // only reached once every byte is consumed
                }
                // Incomplete record: keep its bytes, read more, parse it again from its start.
                int kept = limit - position;
                if (kept == buffer.length) {
                    if (buffer.length == maxBuffer) {
                        throw exceeded(CsvLimitExceededException.Limit.RECORD_BYTES, rowNumber + 1, null);
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, maxBuffer));
                }
                System.arraycopy(buffer, position, buffer, 0, kept);
                fill(kept);
                position = 0;
                row.buffer = buffer;
                continue;
            }
            rowNumber++;
            row.rowNumber = rowNumber;
            checkLimits(row, position, end);
            if (row.fieldCount == 1 && row.starts[0] == row.ends[0] && !hasEscapedQuotes[0]
                    && !startsWithQuote(row, position)) {
                position = end; // blank line
                continue;
            }
            unescapeQuotedFields(row);
            return end;
        }
    }

    /** Caps that only a complete record shows; a record over the buffer's size never gets here. */
    private void checkLimits(CsvRow row, int start, int end) {
        int length = end - start;
        if (length > limits.maxRecordBytes() && length - lineBreakLength(start, end) > limits.maxRecordBytes()) {
            throw exceeded(CsvLimitExceededException.Limit.RECORD_BYTES, rowNumber, null);
        }
        if (row.fieldCount > limits.maxColumns()) {
            throw exceeded(CsvLimitExceededException.Limit.COLUMNS, rowNumber, null);
        }
        if (length > limits.maxFieldBytes()) { // else no field can be over the cap
            for (int f = 0; f < row.fieldCount; f++) {
                if (row.ends[f] - row.starts[f] > limits.maxFieldBytes()) {
                    String column = header != null && f < header.size() ? header.name(f) : null;
                    throw exceeded(CsvLimitExceededException.Limit.FIELD_BYTES, rowNumber, column);
                }
            }
        }
    }

    /** Only line-break bytes can end a record: an unquoted field stops before them, a quoted one at its quote. */
    private int lineBreakLength(int start, int end) {
        int n = 0;
        if (end - n > start && buffer[end - n - 1] == '\n') {
            n++;
        }
        if (end - n > start && buffer[end - n - 1] == '\r') {
            n++;
        }
        return n;
    }

    private CsvLimitExceededException exceeded(CsvLimitExceededException.Limit limit, long row, String column) {
        long cap = switch (limit) {
            case RECORD_BYTES -> limits.maxRecordBytes();
            case FIELD_BYTES -> limits.maxFieldBytes();
            case COLUMNS -> limits.maxColumns();
            case TOTAL_BYTES -> limits.maxTotalBytes();
        };
        return new CsvLimitExceededException(limit, row, column, cap);
    }

    private boolean startsWithQuote(CsvRow row, int position) {
        return position < limit && buffer[position] == '"';
    }

    private void fill(int from) throws IOException {
        limit = from;
        while (limit < buffer.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
                return;
            }
            limit += n;
            totalBytes += n;
            if (totalBytes > limits.maxTotalBytes()) {
                throw exceeded(CsvLimitExceededException.Limit.TOTAL_BYTES, rowNumber + 1, null);
            }
        }
    }

    /** @return the position after the record's line break, or -1 if the buffer ends before the record does. */
    private int parseRecord(CsvRow row, int p) {
        byte[] b = buffer;
        int lim = limit;
        if (p >= lim) {
            return -1;
        }
        int field = 0;
        while (true) {
            if (field == row.starts.length) {
                growFields(row, field);
            }
            hasEscapedQuotes[field] = false;
            if (p < lim && b[p] == '"') {
                int start = p + 1;
                int r = start;
                while (true) {
                    if (r >= lim) {
                        if (endOfInput) {
                            throw new MetricsInputException("row " + (rowNumber + 1) + ": a quoted field is never closed");
                        }
                        return -1;
                    }
                    if (b[r] == '"') {
                        if (r + 1 >= lim && !endOfInput) {
                            return -1;
                        }
                        if (r + 1 < lim && b[r + 1] == '"') {
                            hasEscapedQuotes[field] = true;
                            r += 2;
                            continue;
                        }
                        break;
                    }
                    r++;
                }
                row.starts[field] = start;
                row.ends[field] = r;
                p = r + 1;
                if (p < lim && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                    throw new MetricsInputException("row " + (rowNumber + 1) + ", field " + (field + 1)
                            + ": text after the closing quote of a quoted field");
                }
            } else {
                int start = p;
                boolean[] endsField = ENDS_FIELD;
                while (p < lim && !endsField[b[p] & 0xFF]) {
                    p++;
                }
                if (p >= lim && !endOfInput) {
                    return -1;
                }
                row.starts[field] = start;
                row.ends[field] = p;
            }
            field++;
            if (p >= lim) {
                row.fieldCount = field;
                return p;
            }
            byte c = b[p];
            if (c == ',') {
                p++;
                if (p >= lim && endOfInput) {
                    // a trailing comma at the very end: one more empty field
                    if (field == row.starts.length) {
                        growFields(row, field);
                    }
                    row.starts[field] = p;
                    row.ends[field] = p;
                    row.fieldCount = field + 1;
                    return p;
                }
                continue;
            }
            row.fieldCount = field;
            if (c == '\n') {
                return p + 1;
            }
            // '\r', optionally followed by '\n'
            if (p + 1 >= lim) {
                return endOfInput ? p + 1 : -1;
            }
            return b[p + 1] == '\n' ? p + 2 : p + 1;
        }
    }

    /** Room for field index {@code field}; never more than the column cap. */
    private void growFields(CsvRow row, int field) {
        if (field >= limits.maxColumns()) {
            throw exceeded(CsvLimitExceededException.Limit.COLUMNS, rowNumber + 1, null);
        }
        int size = (int) Math.min(row.starts.length * 2L, limits.maxColumns());
        row.starts = Arrays.copyOf(row.starts, size);
        row.ends = Arrays.copyOf(row.ends, size);
        hasEscapedQuotes = Arrays.copyOf(hasEscapedQuotes, size);
    }

    /** Turns {@code ""} into {@code "} in place; runs only for the rare fields that contain one. */
    private void unescapeQuotedFields(CsvRow row) {
        for (int f = 0; f < row.fieldCount; f++) {
            if (!hasEscapedQuotes[f]) {
                continue;
            }
            int w = row.starts[f];
            for (int r = row.starts[f]; r < row.ends[f]; r++) {
                buffer[w++] = buffer[r];
                if (buffer[r] == '"') {
                    r++;
                }
            }
            row.ends[f] = w;
        }
    }

    static String decode(byte[] bytes, int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
