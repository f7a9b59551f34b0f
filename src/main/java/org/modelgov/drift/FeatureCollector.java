package org.modelgov.drift;

import java.util.Arrays;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.data.ByteDictionary;
import org.modelgov.fairness.data.CsvRow;

/**
 * Collects one feature's values from one data set: the numbers (PSI deciles and KS need them all)
 * while the column is numeric, and category counts while it has few distinct values. Empty cells
 * are counted as missing.
 */
final class FeatureCollector {

    /** Above this many distinct values a column that is not numeric cannot be compared by category. */
    static final int MAX_CATEGORIES = 10_000;

    private final int column;
    private final boolean keepNumbers;
    private final boolean keepCategories;
    private final boolean requireNumbers;
    private double[] numbers = new double[1024];
    private int numberCount;
    private boolean numeric = true;
    private ByteDictionary categories = new ByteDictionary();
    private long[] categoryCounts = new long[16];
    private long missing;
    private long firstTextRow = -1;

    /**
     * @param keepNumbers    collect numbers (numeric or not yet known)
     * @param keepCategories collect category counts (categorical or not yet known)
     * @param requireNumbers a non-number is an input error (the reference showed the feature numeric)
     */
    FeatureCollector(int column, boolean keepNumbers, boolean keepCategories, boolean requireNumbers) {
        this.column = column;
        this.keepNumbers = keepNumbers;
        this.keepCategories = keepCategories;
        this.requireNumbers = requireNumbers;
    }

    void add(CsvRow row) {
        if (row.isBlank(column)) {
            missing++;
            return;
        }
        if (keepNumbers && numeric) {
            double value = row.numberOrNaN(column);
            if (Double.isNaN(value)) {
                if (requireNumbers) {
                    throw row.notANumber(column);
                }
                numeric = false;
                firstTextRow = row.rowNumber();
                numbers = null;
            } else {
                if (numberCount == numbers.length) {
                    numbers = Arrays.copyOf(numbers, numberCount + (numberCount >> 1));
                }
                numbers[numberCount++] = value;
            }
        }
        if (keepCategories && categories != null) {
            int code = categories.codeOf(row, column);
            if (code >= MAX_CATEGORIES) {
                categories = null; // too many to be categories; fine if the column is numeric
                categoryCounts = null;
                if (!numeric || !keepNumbers) {
                    throw tooManyCategories(row.rowNumber(), row.columnName(column));
                }
                return;
            }
            if (code >= categoryCounts.length) {
                categoryCounts = Arrays.copyOf(categoryCounts, categoryCounts.length * 2);
            }
            categoryCounts[code]++;
        }
        if (!numeric && categories == null) {
            throw tooManyCategories(row.rowNumber(), row.columnName(column));
        }
    }

    private static MetricsInputException tooManyCategories(long row, String column) {
        return MetricsInputException.at(row, column, "more than " + MAX_CATEGORIES
                + " distinct values in a column that is not numeric; list it only if it is a category column");
    }

    /** Numeric when at least one number was seen and nothing else. */
    boolean isNumeric() {
        return keepNumbers && numeric && numberCount > 0;
    }

    long firstTextRow() {
        return firstTextRow;
    }

    double[] sortedNumbers() {
        double[] sorted = Arrays.copyOf(numbers, numberCount);
        Arrays.sort(sorted);
        return sorted;
    }

    ByteDictionary categories() {
        return categories;
    }

    long categoryCount(int code) {
        return code < categoryCounts.length ? categoryCounts[code] : 0;
    }

    long present() {
        if (isNumeric()) {
            return numberCount;
        }
        return categories == null ? 0 : Arrays.stream(categoryCounts).sum();
    }

    long missing() {
        return missing;
    }
}
