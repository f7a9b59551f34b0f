package org.modelgov.fairness.config;

import java.util.List;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.data.ColumnProfile;

/**
 * How {@code value_or_threshold} selects rows (the sensitive facet d, or the positive labels).
 *
 * <ul>
 *   <li>{@code type} given: it decides; {@code continuous} needs exactly one number.</li>
 *   <li>otherwise a single JSON number on a numeric column with more than two distinct values is a
 *       threshold: the group is {@code x > t} (Clarify's interval {@code (t, max]});</li>
 *   <li>otherwise the values are categories: the group is the rows equal to any of them;</li>
 *   <li>no values: one-vs-all for a facet (one result per distinct value, in order of first appearance).</li>
 * </ul>
 */
public record ValueRule(List<ConfiguredValue> values, ValueType declaredType) {

    public ValueRule {
        values = List.copyOf(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether this rule could turn out to be a threshold (decided after the data pass). */
    public boolean mayBeThreshold() {
        if (declaredType == ValueType.CATEGORICAL) {
            return false;
        }
        return values.size() == 1 && values.get(0).jsonNumber();
    }

    /** Whether this rule could turn out to be a list of categories. */
    public boolean mayBeCategories() {
        return declaredType != ValueType.CONTINUOUS && !values.isEmpty();
    }

    /** The threshold t, when {@link #mayBeThreshold()}. */
    public double threshold() {
        return values.get(0).number();
    }

    /** Decides, from what the pass saw of the column, whether the value is a threshold. */
    public boolean isThreshold(ColumnProfile profile) {
        if (declaredType == ValueType.CONTINUOUS) {
            return true;
        }
        return mayBeThreshold() && profile.moreThanTwoDistinctNumbers();
    }

    /** Checks what can be checked before reading data. */
    void validate(String field) {
        if (declaredType == ValueType.CONTINUOUS && (values.size() != 1 || !values.get(0).isNumeric())) {
            throw new MetricsInputException("config, field '" + field
                    + "': type \"continuous\" needs exactly one number as threshold");
        }
    }
}
