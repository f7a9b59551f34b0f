package org.modelgov.fairness.config;

import java.util.List;

/**
 * NYC Local Law 144 impact ratio settings (our extension {@code "impact_ratio"} of the analysis config).
 *
 * @param categories one or two category columns (e.g. sex, race/ethnicity); with two, their
 *                   intersections are reported too
 * @param minShare   categories with a smaller share of the sample are flagged and left out of the
 *                   highest rate, as the rules allow for categories under 2 %
 */
public record ImpactRatioConfig(List<ColumnRef> categories, double minShare) {

    public static final double DEFAULT_MIN_SHARE = 0.02;

    public ImpactRatioConfig {
        categories = List.copyOf(categories);
    }
}
