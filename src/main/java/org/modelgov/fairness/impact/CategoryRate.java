package org.modelgov.fairness.impact;

/**
 * One category's row in an NYC Local Law 144 bias audit table.
 *
 * @param rows           rows in the category
 * @param share          rows / all rows
 * @param selected       rows selected (or scored above the median)
 * @param rate           selected / rows: the selection or scoring rate
 * @param impactRatio    rate / the highest rate among categories not below the minimum share
 * @param belowMinShare  the category is under the configured share and was left out of the highest rate
 */
public record CategoryRate(String category, long rows, double share, long selected, double rate, double impactRatio,
        boolean belowMinShare) {
}
