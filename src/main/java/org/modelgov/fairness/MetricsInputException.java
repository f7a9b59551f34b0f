package org.modelgov.fairness;

/**
 * Input that metrics cannot be computed from: a malformed CSV file, a column or value that is
 * missing, a configuration that names an unknown metric. The message is one line that names the
 * row and column where the problem is, so callers can show it as it is (CLI: stderr, API: HTTP 400).
 *
 * <p>Rows are numbered as in a spreadsheet: the header is row 1, the first data row is row 2.
 */
public class MetricsInputException extends RuntimeException {

    public MetricsInputException(String message) {
        super(message);
    }

    public static MetricsInputException at(long row, String column, String problem) {
        return new MetricsInputException("row " + row + ", column '" + column + "': " + problem);
    }
}
