package org.modelgov.fairness.bias;

import java.util.List;

/**
 * Everything the count-based bias metrics need about one facet split: how many rows fall in each
 * cell of facet side × observed label × predicted label, overall and within each group of the
 * group variable. Side a is the rest of the data ("advantaged"), side d the selected facet
 * ("disadvantaged", sensitive).
 */
public final class FacetOutcomes {

    public static final int A = 0;
    public static final int D = 1;

    private final long[] cells;
    private final List<long[]> groups;

    /**
     * @param cells  8 counts, index {@code side * 4 + label * 2 + predicted}
     * @param groups the same 8 counts for each group, in sorted group order; null without a group variable
     */
    public FacetOutcomes(long[] cells, List<long[]> groups) {
        this.cells = cells.clone();
        this.groups = groups == null ? null : List.copyOf(groups);
    }

    public static int index(int side, int label, int predicted) {
        return side * 4 + label * 2 + predicted;
    }

    /** Rows on {@code side} with this label and prediction. */
    public long count(int side, int label, int predicted) {
        return cells[index(side, label, predicted)];
    }

    /** n_a or n_d. */
    public long size(int side) {
        return count(side, 0, 0) + count(side, 0, 1) + count(side, 1, 0) + count(side, 1, 1);
    }

    /** Rows on {@code side} whose observed label is {@code label}: n_a^(1), n_d^(0)... */
    public long withLabel(int side, int label) {
        return count(side, label, 0) + count(side, label, 1);
    }

    /** Rows on {@code side} whose predicted label is {@code predicted}: n̂_a^(1)... */
    public long withPrediction(int side, int predicted) {
        return count(side, 0, predicted) + count(side, 1, predicted);
    }

    public long total() {
        return size(A) + size(D);
    }

    public boolean hasGroups() {
        return groups != null;
    }

    /** Per-group cells, same layout as the overall cells. */
    public List<long[]> groups() {
        return groups;
    }
}
