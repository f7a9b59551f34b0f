package org.modelgov.fairness.bias;

import java.util.ArrayList;
import java.util.List;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.FacetConfig;
import org.modelgov.fairness.data.ByteDictionary;
import org.modelgov.fairness.data.CsvRow;

/**
 * One configured facet during and after a data pass: how each row's cell is encoded (a
 * {@link BinarizedColumn} code, or for one-vs-all a dictionary code per distinct value), the
 * counts collected for it, and afterwards the facet selections to report.
 */
public final class FacetColumn {

    private final String name;
    private final int column;
    private final BinarizedColumn binarized; // null for one-vs-all
    private final ByteDictionary values; // one-vs-all only
    private final OutcomeTable table = new OutcomeTable();

    public FacetColumn(FacetConfig config, int column, String name) {
        this.name = name;
        this.column = column;
        boolean oneVsAll = config.rule().isEmpty();
        this.binarized = oneVsAll ? null : BinarizedColumn.facet(column, config.rule());
        this.values = oneVsAll ? new ByteDictionary() : null;
    }

    public String name() {
        return name;
    }

    public int column() {
        return column;
    }

    public OutcomeTable table() {
        return table;
    }

    public int encode(CsvRow row) {
        return values != null ? values.codeOf(row, column) : binarized.encode(row);
    }

    /**
     * The selections to report: one per distinct value in order of first appearance for
     * one-vs-all, else the configured values or threshold. Configured values that never occur are
     * an input error; an empty side of a threshold is left to the metrics to report.
     *
     * @param dataRows rows read, for the message
     */
    public List<FacetSelection> selections(long dataRows) {
        List<FacetSelection> result = new ArrayList<>();
        if (values != null) {
            int distinct = values.size();
            for (int code = 0; code < distinct; code++) {
                boolean[] inD = new boolean[distinct];
                inD[code] = true;
                result.add(new FacetSelection(inD, values.value(code)));
            }
            return result;
        }
        boolean[] inD = binarized.positiveCodes();
        if (!binarized.isThreshold() && rowsIn(inD) == 0) {
            throw new MetricsInputException("column '" + name + "' (rows 2-" + (dataRows + 1) + "): facet value "
                    + binarized.valueOrThreshold() + " never occurs");
        }
        result.add(new FacetSelection(inD, binarized.valueOrThreshold()));
        return result;
    }

    private long rowsIn(boolean[] inD) {
        long rows = 0;
        for (int code = 0; code < inD.length; code++) {
            if (inD[code]) {
                rows += table.rowsWithFacetCode(code);
            }
        }
        return rows;
    }

    /**
     * Which facet codes form the sensitive facet d, and how Clarify names that selection.
     *
     * @param inFacetD by facet code; codes beyond its length are not in d
     */
    public record FacetSelection(boolean[] inFacetD, String valueOrThreshold) {

        public boolean contains(int facetCode) {
            return facetCode < inFacetD.length && inFacetD[facetCode];
        }
    }
}
