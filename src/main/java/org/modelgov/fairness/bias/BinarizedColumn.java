package org.modelgov.fairness.bias;

import java.util.stream.Collectors;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.config.ConfiguredValue;
import org.modelgov.fairness.config.ValueRule;
import org.modelgov.fairness.config.ValueType;
import org.modelgov.fairness.data.ColumnProfile;
import org.modelgov.fairness.data.CsvRow;

/**
 * Turns a column into a yes/no per row: the positive label, the positive prediction, or
 * membership of the sensitive facet d.
 *
 * <p>Whether a single configured number is a threshold or a category depends on the whole column
 * (see {@link ValueRule}), which a one-pass reader only knows at the end. So each row gets a 2-bit
 * code holding both answers, bit 0 "equals a configured value" and bit 1 "is greater than the
 * threshold", and {@link #positiveCodes()} picks the right bit once the pass is over.
 */
public final class BinarizedColumn {

    static final int EQUALS = 1;
    static final int ABOVE = 2;

    private enum Mode { VALUES_OR_THRESHOLD, ZERO_ONE, SCORE_THRESHOLD }

    private final int column;
    private final String role;
    private final ValueRule rule;
    private final Mode mode;
    private final double threshold;
    private final ValueMatcher matcher;
    private final boolean thresholdPossible;
    private final boolean numberRequired;
    private final ColumnProfile profile = new ColumnProfile();
    private long lastRow;

    private BinarizedColumn(int column, String role, ValueRule rule, Mode mode, double threshold) {
        this.column = column;
        this.role = role;
        this.rule = rule;
        this.mode = mode;
        this.threshold = threshold;
        this.matcher = rule == null ? null : new ValueMatcher(rule.values());
        this.thresholdPossible = mode == Mode.SCORE_THRESHOLD || (rule != null && (rule.mayBeThreshold() || rule.declaredType() == ValueType.CONTINUOUS));
        this.numberRequired = mode == Mode.SCORE_THRESHOLD || (rule != null && rule.declaredType() == ValueType.CONTINUOUS);
    }

    /** The observed label column; without configured values it must hold 0/1 or true/false. */
    public static BinarizedColumn label(int column, ValueRule rule) {
        if (rule.isEmpty()) {
            return new BinarizedColumn(column, "label", null, Mode.ZERO_ONE, Double.NaN);
        }
        return new BinarizedColumn(column, "label", rule, Mode.VALUES_OR_THRESHOLD, thresholdOf(rule));
    }

    /** The predicted label: a score above {@code probability_threshold}, else read like the label. */
    public static BinarizedColumn predictedLabel(int column, ValueRule labelRule, Double probabilityThreshold) {
        if (probabilityThreshold != null) {
            return new BinarizedColumn(column, "predicted label", null, Mode.SCORE_THRESHOLD, probabilityThreshold);
        }
        if (labelRule.isEmpty()) {
            return new BinarizedColumn(column, "predicted label", null, Mode.ZERO_ONE, Double.NaN);
        }
        return new BinarizedColumn(column, "predicted label", labelRule, Mode.VALUES_OR_THRESHOLD, thresholdOf(labelRule));
    }

    /** A facet with configured values or a threshold (not one-vs-all). */
    public static BinarizedColumn facet(int column, ValueRule rule) {
        return new BinarizedColumn(column, "facet", rule, Mode.VALUES_OR_THRESHOLD, thresholdOf(rule));
    }

    private static double thresholdOf(ValueRule rule) {
        return rule.values().size() == 1 ? rule.values().get(0).number() : Double.NaN;
    }

    public int column() {
        return column;
    }

    /** The 2-bit code of this row's cell. */
    public int encode(CsvRow row) {
        double number = row.numberOrNaN(column);
        lastRow = row.rowNumber();
        if (numberRequired && Double.isNaN(number)) {
            throw row.notANumber(column);
        }
        switch (mode) {
            case SCORE_THRESHOLD:
                return number > threshold ? ABOVE : 0;
            case ZERO_ONE:
                return zeroOne(row, number);
            default:
                profile.add(number, row.rowNumber());
                int code = matcher.matches(row, column, number) ? EQUALS : 0;
                if (thresholdPossible && number > threshold) {
                    code |= ABOVE;
                }
                return code;
        }
    }

    private int zeroOne(CsvRow row, double number) {
        if (number == 1) {
            return EQUALS;
        }
        if (number == 0) {
            return 0;
        }
        String text = row.text(column).strip();
        if (text.equalsIgnoreCase("true")) {
            return EQUALS;
        }
        if (text.equalsIgnoreCase("false")) {
            return 0;
        }
        // the cell is data: the message names its row and column, never its value
        throw MetricsInputException.at(row.rowNumber(), row.columnName(column), "the " + role
                + " is not binary (0/1 or true/false); set label_values_or_threshold to say which values are positive");
    }

    /** Whether the configured value turned out to be a threshold. */
    public boolean isThreshold() {
        return switch (mode) {
            case SCORE_THRESHOLD -> true;
            case ZERO_ONE -> false;
            default -> rule.isThreshold(profile);
        };
    }

    /** positiveCodes()[code] says whether rows with that code are positive (or in facet d). */
    public boolean[] positiveCodes() {
        int bit = isThreshold() ? ABOVE : EQUALS;
        boolean[] positive = new boolean[4];
        for (int code = 0; code < 4; code++) {
            positive[code] = (code & bit) != 0;
        }
        return positive;
    }

    /** Clarify's {@code value_or_threshold} text: "(t, max]" for a threshold, else the values joined by commas. */
    public String valueOrThreshold() {
        if (mode == Mode.ZERO_ONE) {
            return "1";
        }
        if (mode == Mode.SCORE_THRESHOLD) {
            return "(" + AnalysisConfig.pythonFloat(threshold) + ", 1.0]";
        }
        if (isThreshold()) {
            boolean integers = profile.allIntegers() && rule.values().get(0).number() == Math.rint(threshold)
                    && !rule.values().get(0).text().contains(".");
            return "(" + format(threshold, integers) + ", " + format(profile.max(), integers) + "]";
        }
        return rule.values().stream().map(ConfiguredValue::text).collect(Collectors.joining(","));
    }

    private static String format(double value, boolean integer) {
        return integer ? Long.toString((long) value) : AnalysisConfig.pythonFloat(value);
    }

    long lastRow() {
        return lastRow;
    }
}
