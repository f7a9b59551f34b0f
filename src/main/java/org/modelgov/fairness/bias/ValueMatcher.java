package org.modelgov.fairness.bias;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.modelgov.fairness.config.ConfiguredValue;
import org.modelgov.fairness.data.CsvRow;

/**
 * Whether a cell equals one of the configured values: the same text, or the same number when both
 * are numbers (so {@code 1}, {@code "1"} and {@code 1.0} all match a cell "1"), or, for
 * {@code true}/{@code false}, the same word in any letter case.
 */
final class ValueMatcher {

    private final byte[][] texts;
    private final byte[][] lowerCaseWords;
    private final double[] numbers;

    ValueMatcher(List<ConfiguredValue> values) {
        texts = values.stream().map(v -> v.text().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        lowerCaseWords = values.stream().map(ConfiguredValue::text)
                .filter(t -> t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))
                .map(t -> t.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        numbers = values.stream().filter(ConfiguredValue::isNumeric).mapToDouble(ConfiguredValue::number).toArray();
    }

    /** @param number the cell already parsed as a number, NaN when it is not one */
    boolean matches(CsvRow row, int column, double number) {
        for (byte[] text : texts) {
            if (row.bytesEqual(column, text)) {
                return true;
            }
        }
        if (!Double.isNaN(number)) {
            for (double n : numbers) {
                if (n == number) {
                    return true;
                }
            }
        }
        for (byte[] word : lowerCaseWords) {
            if (equalsIgnoreCase(row, column, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsIgnoreCase(CsvRow row, int column, byte[] lowerCaseWord) {
        int start = row.start(column);
        if (row.end(column) - start != lowerCaseWord.length) {
            return false;
        }
        byte[] buffer = row.buffer();
        for (int i = 0; i < lowerCaseWord.length; i++) {
            int c = buffer[start + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCaseWord[i]) {
                return false;
            }
        }
        return true;
    }
}
