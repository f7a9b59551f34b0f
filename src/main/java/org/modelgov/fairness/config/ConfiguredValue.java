package org.modelgov.fairness.config;

import org.modelgov.fairness.data.NumberParser;

/**
 * One value from {@code value_or_threshold} / {@code label_values_or_threshold}.
 *
 * @param text       the value as text; a CSV cell with exactly this text matches
 * @param number     the value as a number (NaN when it is not one); a numeric cell equal to it matches
 * @param jsonNumber whether the configuration wrote it as a JSON number (only then can it be a threshold)
 */
public record ConfiguredValue(String text, double number, boolean jsonNumber) {

    public static ConfiguredValue ofText(String text) {
        return new ConfiguredValue(text, NumberParser.parse(text), false);
    }

    public static ConfiguredValue ofNumber(double number, String text) {
        return new ConfiguredValue(text, number, true);
    }

    public boolean isNumeric() {
        return !Double.isNaN(number);
    }
}
