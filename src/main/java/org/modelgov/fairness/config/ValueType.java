package org.modelgov.fairness.config;

/** The {@code "type"} extension on a facet or label: how its configured values are read. */
public enum ValueType {
    /** The values are categories: a row is in the group when its cell equals one of them. */
    CATEGORICAL,
    /** The single value is a threshold: a row is in the group when its cell is greater. */
    CONTINUOUS
}
