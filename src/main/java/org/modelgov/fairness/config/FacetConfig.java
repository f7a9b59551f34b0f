package org.modelgov.fairness.config;

/** One entry of Clarify's {@code facet} list. */
public record FacetConfig(ColumnRef column, ValueRule rule) {
}
