package org.modelgov.fairness.impact;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.bias.BinarizedColumn;
import org.modelgov.fairness.bias.SafeDivision;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.config.ImpactRatioConfig;
import org.modelgov.fairness.data.ByteDictionary;
import org.modelgov.fairness.data.CsvHeader;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.data.CsvReader;
import org.modelgov.fairness.data.CsvRow;
import org.modelgov.fairness.data.CsvRowHandler;

/**
 * NYC Local Law 144 (automated employment decision tools) impact ratios.
 *
 * <p>Selection rate of a category = selected rows / rows, where "selected" is a positive
 * {@code predicted_label}. With a {@code score} column the scoring rate is used instead: the share
 * of the category's rows whose score is above the median score of the whole sample (the median of
 * an even count is the mean of the two middle values). Impact ratio = rate / highest rate. Categories
 * with less than {@code min_share} of the rows are flagged and not used for the highest rate, as the
 * rules allow an auditor to exclude categories under 2 %. With two category columns the
 * intersections are reported as a third table.
 */
public final class ImpactRatioAnalysis {

    private ImpactRatioAnalysis() {
    }

    /** Within the {@link CsvLimits#DEFAULTS}. */
    public static ImpactRatioReport run(InputStream csv, AnalysisConfig config) {
        return run(csv, config, CsvLimits.DEFAULTS);
    }

    public static ImpactRatioReport run(InputStream csv, AnalysisConfig config, CsvLimits limits) {
        ImpactRatioConfig settings = config.impactRatio();
        if (settings == null) {
            throw new MetricsInputException("config, field 'impact_ratio': missing; e.g. {\"categories\": [\"sex\", \"race\"]}");
        }
        if (config.score() == null && config.predictedLabel() == null) {
            throw new MetricsInputException("config, field 'predicted_label': impact ratios need a predicted label or a score column");
        }
        Pass pass = new Pass(config, settings);
        CsvReader.read(csv, limits, pass);

        boolean[] selectedCode = pass.predicted == null ? null : pass.predicted.positiveCodes();
        Double median = null;
        boolean[] selected = new boolean[pass.rows];
        if (pass.scores != null) {
            median = median(Arrays.copyOf(pass.scores, pass.rows));
            for (int i = 0; i < pass.rows; i++) {
                selected[i] = pass.scores[i] > median;
            }
        } else {
            for (int i = 0; i < pass.rows; i++) {
                selected[i] = selectedCode[pass.selectionCodes[i]];
            }
        }
        Map<String, List<CategoryRate>> tables = new LinkedHashMap<>();
        int columns = pass.dictionaries.length;
        for (int c = 0; c < columns; c++) {
            tables.put(pass.names[c], table(pass, selected, settings.minShare(), c, -1));
        }
        if (columns == 2) {
            tables.put(pass.names[0] + ", " + pass.names[1], table(pass, selected, settings.minShare(), 0, 1));
        }
        String selection = pass.scores != null
                ? "score '" + pass.header.name(pass.scoreColumn) + "' above the sample median"
                : "predicted label '" + pass.header.name(pass.predicted.column()) + "' in " + pass.predicted.valueOrThreshold();
        return new ImpactRatioReport(selection, pass.rows, settings.minShare(), median, tables);
    }

    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Rates for one column ({@code second} = -1) or for the intersection of two. */
    private static List<CategoryRate> table(Pass pass, boolean[] selected, double minShare, int first, int second) {
        int firstSize = pass.dictionaries[first].size();
        int secondSize = second < 0 ? 1 : pass.dictionaries[second].size();
        long[] rows = new long[firstSize * secondSize];
        long[] chosen = new long[rows.length];
        List<Integer> order = new ArrayList<>(); // cells in order of first appearance
        for (int i = 0; i < pass.rows; i++) {
            int cell = pass.categoryCodes[first][i] * secondSize + (second < 0 ? 0 : pass.categoryCodes[second][i]);
            if (rows[cell]++ == 0) {
                order.add(cell);
            }
            if (selected[i]) {
                chosen[cell]++;
            }
        }
        double highest = 0;
        for (int cell : order) {
            if ((double) rows[cell] / pass.rows >= minShare) {
                highest = Math.max(highest, (double) chosen[cell] / rows[cell]);
            }
        }
        List<CategoryRate> result = new ArrayList<>();
        for (int cell : order) {
            String name = pass.dictionaries[first].value(cell / secondSize)
                    + (second < 0 ? "" : ", " + pass.dictionaries[second].value(cell % secondSize));
            double share = (double) rows[cell] / pass.rows;
            double rate = (double) chosen[cell] / rows[cell];
            result.add(new CategoryRate(name, rows[cell], share, chosen[cell], rate, SafeDivision.divide(rate, highest),
                    share < minShare));
        }
        return result;
    }

    /** Keeps each row's category codes and its selection code or score: the median needs all scores. */
    private static final class Pass implements CsvRowHandler {
        private final AnalysisConfig config;
        private final ImpactRatioConfig settings;
        CsvHeader header;
        int[] columns;
        String[] names;
        ByteDictionary[] dictionaries;
        int[][] categoryCodes;
        BinarizedColumn predicted;
        int scoreColumn = -1;
        double[] scores;
        byte[] selectionCodes;
        int rows;

        Pass(AnalysisConfig config, ImpactRatioConfig settings) {
            this.config = config;
            this.settings = settings;
        }

        @Override
        public void header(CsvHeader header) {
            this.header = header;
            int n = settings.categories().size();
            columns = new int[n];
            names = new String[n];
            dictionaries = new ByteDictionary[n];
            categoryCodes = new int[n][1024];
            for (int c = 0; c < n; c++) {
                columns[c] = settings.categories().get(c).resolve(header, "impact ratio category");
                names[c] = header.name(columns[c]);
                dictionaries[c] = new ByteDictionary();
            }
            if (config.score() != null) {
                scoreColumn = config.score().resolve(header, "score");
                scores = new double[1024];
            } else {
                predicted = BinarizedColumn.predictedLabel(config.predictedLabel().resolve(header, "predicted label"),
                        config.labelRule(), config.probabilityThreshold());
                selectionCodes = new byte[1024];
            }
        }

        @Override
        public void row(CsvRow row) {
            if (rows == categoryCodes[0].length) {
                int capacity = rows + (rows >> 1);
                for (int c = 0; c < categoryCodes.length; c++) {
                    categoryCodes[c] = Arrays.copyOf(categoryCodes[c], capacity);
                }
                if (scores != null) {
                    scores = Arrays.copyOf(scores, capacity);
                } else {
                    selectionCodes = Arrays.copyOf(selectionCodes, capacity);
                }
            }
            for (int c = 0; c < columns.length; c++) {
                categoryCodes[c][rows] = dictionaries[c].codeOf(row, columns[c]);
            }
            if (scores != null) {
                scores[rows] = row.number(scoreColumn);
            } else {
                selectionCodes[rows] = (byte) predicted.encode(row);
            }
            rows++;
        }
    }
}
