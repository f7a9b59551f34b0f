package org.modelgov.fairness.bias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counts one data pass collects for one facet: rows per facet code × group code × label code
 * × predicted-label code (each label code is a 2-bit {@link BinarizedColumn} code, so 16 cells per
 * facet code and group). Facet codes are 2-bit codes too, or dictionary codes for one-vs-all.
 * Memory depends on the number of distinct facet values and groups, never on the row count.
 */
public final class OutcomeTable {

    private static final int CELLS = 16;

    private long[][] byFacetCode = new long[4][];

    public void add(int facetCode, int groupCode, int labelCode, int predictedCode) {
        if (facetCode >= byFacetCode.length) {
            byFacetCode = Arrays.copyOf(byFacetCode, Math.max(facetCode + 1, byFacetCode.length * 2));
        }
        long[] cells = byFacetCode[facetCode];
        int index = groupCode * CELLS + labelCode * 4 + predictedCode;
        if (cells == null || index >= cells.length) {
            int groups = Math.max(groupCode + 1, cells == null ? 1 : 2 * cells.length / CELLS);
            cells = cells == null ? new long[groups * CELLS] : Arrays.copyOf(cells, groups * CELLS);
            byFacetCode[facetCode] = cells;
        }
        cells[index]++;
    }

    /**
     * Folds the table into the a/d × label × prediction counts of one facet split.
     *
     * @param inFacetD    by facet code: whether those rows are in the sensitive facet d
     * @param labelPositive by label code: whether the label is positive
     * @param predictedPositive by predicted-label code: whether the prediction is positive
     * @param groupOrder  group codes in sorted group order, or null without a group variable
     */
    public FacetOutcomes split(boolean[] inFacetD, boolean[] labelPositive, boolean[] predictedPositive, int[] groupOrder) {
        int groups = groupOrder == null ? 1 : groupOrder.length;
        long[][] perGroup = new long[groups][8];
        int[] groupSlot = new int[Math.max(maxGroupCode(), groupOrder == null ? 0 : groups - 1) + 1];
        if (groupOrder != null) {
            for (int slot = 0; slot < groupOrder.length; slot++) {
                groupSlot[groupOrder[slot]] = slot;
            }
        }
        for (int facetCode = 0; facetCode < byFacetCode.length; facetCode++) {
            long[] cells = byFacetCode[facetCode];
            if (cells == null) {
                continue;
            }
            int side = facetCode < inFacetD.length && inFacetD[facetCode] ? FacetOutcomes.D : FacetOutcomes.A;
            for (int index = 0; index < cells.length; index++) {
                if (cells[index] == 0) {
                    continue;
                }
                int group = index / CELLS;
                int label = labelPositive[(index / 4) % 4] ? 1 : 0;
                int predicted = predictedPositive[index % 4] ? 1 : 0;
                int slot = groupOrder == null ? 0 : groupSlot[group];
                perGroup[slot][FacetOutcomes.index(side, label, predicted)] += cells[index];
            }
        }
        long[] total = new long[8];
        for (long[] g : perGroup) {
            for (int i = 0; i < 8; i++) {
                total[i] += g[i];
            }
        }
        List<long[]> groupList = null;
        if (groupOrder != null) {
            groupList = new ArrayList<>(Arrays.asList(perGroup));
        }
        return new FacetOutcomes(total, groupList);
    }

    /** Number of rows with this facet code. */
    public long rowsWithFacetCode(int facetCode) {
        if (facetCode >= byFacetCode.length || byFacetCode[facetCode] == null) {
            return 0;
        }
        long sum = 0;
        for (long c : byFacetCode[facetCode]) {
            sum += c;
        }
        return sum;
    }

    private int maxGroupCode() {
        int max = 0;
        for (long[] cells : byFacetCode) {
            if (cells != null) {
                max = Math.max(max, cells.length / CELLS - 1);
            }
        }
        return max;
    }
}
