package org.modelgov.fairness.data;

/**
 * What a streaming pass learns about one column that decides how a configured value is read:
 * whether every cell is a number, and whether it has more than two distinct numeric values
 * (a single number on such a column is a threshold, see {@code ValueRule}).
 */
public final class ColumnProfile {

    private boolean allNumeric = true;
    private long firstNonNumericRow = -1;
    private final double[] distinct = new double[3];
    private int distinctCount;
    private double max = Double.NEGATIVE_INFINITY;
    private boolean allIntegers = true;

    /** Records one cell, already parsed (NaN when it is not a number). */
    public void add(double value, long rowNumber) {
        if (Double.isNaN(value)) {
            if (allNumeric) {
                allNumeric = false;
                firstNonNumericRow = rowNumber;
            }
            return;
        }
        if (value > max) {
            max = value;
        }
        if (allIntegers && value != Math.rint(value)) {
            allIntegers = false;
        }
        if (distinctCount == distinct.length) {
            return;
        }
        for (int i = 0; i < distinctCount; i++) {
            if (distinct[i] == value) {
                return;
            }
        }
        distinct[distinctCount++] = value;
    }

    public boolean allNumeric() {
        return allNumeric;
    }

    public long firstNonNumericRow() {
        return firstNonNumericRow;
    }

    /** The largest number seen (-Infinity when none). */
    public double max() {
        return max;
    }

    /** Whether every number seen is a whole number (pandas would read the column as integers). */
    public boolean allIntegers() {
        return allIntegers;
    }

    public boolean moreThanTwoDistinctNumbers() {
        return allNumeric && distinctCount > 2;
    }
}
