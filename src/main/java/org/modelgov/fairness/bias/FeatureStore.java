package org.modelgov.fairness.bias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.modelgov.fairness.data.CsvRow;

/**
 * Keeps, for the flip test, the values of the candidate feature columns and each row's facet and
 * prediction codes: FT needs every row's features, so this is the one part of bias analysis whose
 * memory grows with the data. A column drops out (stops being a candidate) at its first
 * non-numeric cell, because FT measures distance on numeric features only.
 */
final class FeatureStore {

    private final int[] columns;
    private final String[] names;
    private final boolean[] numeric;
    private final long[] firstNonNumericRow;
    private double[][] values;
    private byte[] predictedCodes;
    private int[][] facetCodes;
    private int rows;

    FeatureStore(int[] columns, String[] names, int facets) {
        this.columns = columns;
        this.names = names;
        this.numeric = new boolean[columns.length];
        this.firstNonNumericRow = new long[columns.length];
        Arrays.fill(numeric, true);
        int capacity = 1024;
        values = new double[columns.length][capacity];
        predictedCodes = new byte[capacity];
        facetCodes = new int[facets][capacity];
    }

    void add(CsvRow row, int predictedCode, int[] facetCodesOfRow) {
        if (rows == predictedCodes.length) {
            grow();
        }
        for (int c = 0; c < columns.length; c++) {
            if (numeric[c]) {
                double v = row.numberOrNaN(columns[c]);
                if (Double.isNaN(v)) {
                    numeric[c] = false;
                    firstNonNumericRow[c] = row.rowNumber();
                    values[c] = null;
                } else {
                    values[c][rows] = v;
                }
            }
        }
        predictedCodes[rows] = (byte) predictedCode;
        for (int f = 0; f < facetCodesOfRow.length; f++) {
            facetCodes[f][rows] = facetCodesOfRow[f];
        }
        rows++;
    }

    private void grow() {
        int capacity = rows + (rows >> 1);
        for (int c = 0; c < columns.length; c++) {
            if (values[c] != null) {
                values[c] = Arrays.copyOf(values[c], capacity);
            }
        }
        predictedCodes = Arrays.copyOf(predictedCodes, capacity);
        for (int f = 0; f < facetCodes.length; f++) {
            facetCodes[f] = Arrays.copyOf(facetCodes[f], capacity);
        }
    }

    int rows() {
        return rows;
    }

    /** Indices (into this store) of the numeric candidate columns other than {@code excludedColumn}. */
    List<Integer> numericColumnsExcept(int excludedColumn) {
        List<Integer> result = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            if (numeric[c] && columns[c] != excludedColumn) {
                result.add(c);
            }
        }
        return result;
    }

    boolean isNumeric(int storeIndex) {
        return numeric[storeIndex];
    }

    long firstNonNumericRow(int storeIndex) {
        return firstNonNumericRow[storeIndex];
    }

    String name(int storeIndex) {
        return names[storeIndex];
    }

    double[] values(int storeIndex) {
        return values[storeIndex];
    }

    byte[] predictedCodes() {
        return predictedCodes;
    }

    int[] facetCodes(int facet) {
        return facetCodes[facet];
    }
}
