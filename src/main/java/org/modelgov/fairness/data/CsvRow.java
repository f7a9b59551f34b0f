package org.modelgov.fairness.data;

import java.nio.charset.StandardCharsets;

import org.modelgov.fairness.MetricsInputException;

/**
 * One CSV record as a view into the reader's byte buffer: field boundaries only, no per-field
 * objects. Valid only during {@link CsvRowHandler#row}.
 */
public final class CsvRow {

    private final CsvHeader header;
    byte[] buffer;
    int[] starts = new int[16];
    int[] ends = new int[16];
    int fieldCount;
    long rowNumber;

    CsvRow(CsvHeader header) {
        this.header = header;
    }

    /** Spreadsheet row number: the header is row 1. */
    public long rowNumber() {
        return rowNumber;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int start(int column) {
        return starts[column];
    }

    public int end(int column) {
        return ends[column];
    }

    public boolean isBlank(int column) {
        for (int i = starts[column]; i < ends[column]; i++) {
            if (buffer[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The field as a number, or NaN when it is not a number. */
    public double numberOrNaN(int column) {
        return NumberParser.parse(buffer, starts[column], ends[column]);
    }

    /** The field as a number; fails with a message naming row and column when it is not one. */
    public double number(int column) {
        double value = NumberParser.parse(buffer, starts[column], ends[column]);
        if (Double.isNaN(value)) {
            throw notANumber(column);
        }
        return value;
    }

    /** Names the row and column, never the cell's text: the file may hold what its sender must not read. */
    public MetricsInputException notANumber(int column) {
        return MetricsInputException.at(rowNumber, header.name(column),
                isBlank(column) ? "a number is needed but the cell is empty"
                        : "a number is needed but the cell holds text");
    }

    public String text(int column) {
        return new String(buffer, starts[column], ends[column] - starts[column], StandardCharsets.UTF_8);
    }

    /** True when the field's bytes are exactly {@code value}. */
    public boolean bytesEqual(int column, byte[] value) {
        int start = starts[column];
        int length = ends[column] - start;
        if (length != value.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer[start + i] != value[i]) {
                return false;
            }
        }
        return true;
    }

    public String columnName(int column) {
        return header.name(column);
    }
}
