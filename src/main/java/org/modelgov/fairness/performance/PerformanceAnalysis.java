package org.modelgov.fairness.performance;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.bias.BinarizedColumn;
import org.modelgov.fairness.bias.FacetColumn;
import org.modelgov.fairness.bias.FacetColumn.FacetSelection;
import org.modelgov.fairness.bias.FacetOutcomes;
import org.modelgov.fairness.bias.MetricNotComputable;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.config.FacetConfig;
import org.modelgov.fairness.data.CsvHeader;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.data.CsvReader;
import org.modelgov.fairness.data.CsvRow;
import org.modelgov.fairness.data.CsvRowHandler;

/**
 * Model performance from a CSV file and the analysis config: overall and per facet, the confusion
 * matrix metrics, and with a {@code score} column AUC-ROC, log loss and Brier score.
 *
 * <p>The prediction is the {@code predicted_label} column (read like the label, or as a score above
 * {@code probability_threshold}); without one, the score above {@code probability_threshold}
 * (default 0.5). Scores must lie in [0, 1].
 */
public final class PerformanceAnalysis {

    static final double DEFAULT_PROBABILITY_THRESHOLD = 0.5;

    private PerformanceAnalysis() {
    }

    /** Within the {@link CsvLimits#DEFAULTS}. */
    public static PerformanceReport run(InputStream csv, AnalysisConfig config) {
        return run(csv, config, CsvLimits.DEFAULTS);
    }

    public static PerformanceReport run(InputStream csv, AnalysisConfig config, CsvLimits limits) {
        if (config.predictedLabel() == null && config.score() == null) {
            throw new MetricsInputException("config, field 'predicted_label': performance needs a predicted label or a score column");
        }
        Pass pass = new Pass(config);
        CsvReader.read(csv, limits, pass);

        boolean[] labelPositive = pass.label.positiveCodes();
        boolean[] predictedPositive = pass.predicted.positiveCodes();
        boolean[] rowPositive = null;
        if (pass.scores != null) {
            rowPositive = new boolean[pass.rows];
            for (int i = 0; i < pass.rows; i++) {
                rowPositive[i] = labelPositive[pass.labelCodes[i]];
            }
        }
        FacetOutcomes all = pass.overall.split(new boolean[0], labelPositive, predictedPositive, null);
        PerformanceResult overall = result(all, FacetOutcomes.A, pass, rowPositive, row -> true);

        Map<String, List<PerformanceReport.FacetPerformance>> facets = new LinkedHashMap<>();
        for (int f = 0; f < pass.facets.size(); f++) {
            FacetColumn facet = pass.facets.get(f);
            int facetIndex = f;
            for (FacetSelection selection : facet.selections(pass.rows)) {
                FacetOutcomes outcomes = facet.table().split(selection.inFacetD(), labelPositive, predictedPositive, null);
                PerformanceResult inFacet = result(outcomes, FacetOutcomes.D, pass, rowPositive,
                        row -> selection.contains(pass.facetCodes[facetIndex][row]));
                PerformanceResult rest = result(outcomes, FacetOutcomes.A, pass, rowPositive,
                        row -> !selection.contains(pass.facetCodes[facetIndex][row]));
                facets.computeIfAbsent(facet.name(), k -> new ArrayList<>())
                        .add(new PerformanceReport.FacetPerformance(selection.valueOrThreshold(), inFacet, rest));
            }
        }
        return new PerformanceReport(pass.header.name(pass.label.column()), pass.label.valueOrThreshold(), overall, facets);
    }

    private interface RowFilter {
        boolean test(int row);
    }

    private static PerformanceResult result(FacetOutcomes o, int side, Pass pass, boolean[] rowPositive, RowFilter filter) {
        ClassificationMetrics classification = new ClassificationMetrics(o.count(side, 1, 1), o.count(side, 0, 1),
                o.count(side, 0, 0), o.count(side, 1, 0));
        if (pass.scores == null) {
            return new PerformanceResult(classification, null, null, null, null);
        }
        double[] scores = new double[pass.rows];
        boolean[] positive = new boolean[pass.rows];
        int n = 0;
        for (int i = 0; i < pass.rows; i++) {
            if (filter.test(i)) {
                scores[n] = pass.scores[i];
                positive[n++] = rowPositive[i];
            }
        }
        if (n == 0) {
            return new PerformanceResult(classification, null, "no rows", null, null);
        }
        Double auc = null;
        String aucError = null;
        try {
            auc = ScoreMetrics.rocAuc(scores, positive, n);
        } catch (MetricNotComputable e) {
            aucError = e.getMessage();
        }
        return new PerformanceResult(classification, auc, aucError, ScoreMetrics.logLoss(scores, positive, n),
                ScoreMetrics.brierScore(scores, positive, n));
    }

    /** One pass: counts for the confusion matrices; scores, label codes and facet codes per row when AUC needs them. */
    private static final class Pass implements CsvRowHandler {
        private final AnalysisConfig config;
        CsvHeader header;
        BinarizedColumn label;
        BinarizedColumn predicted;
        int scoreColumn = -1;
        final List<FacetColumn> facets = new ArrayList<>();
        final org.modelgov.fairness.bias.OutcomeTable overall = new org.modelgov.fairness.bias.OutcomeTable();
        double[] scores;
        byte[] labelCodes;
        int[][] facetCodes;
        int rows;

        Pass(AnalysisConfig config) {
            this.config = config;
        }

        @Override
        public void header(CsvHeader header) {
            this.header = header;
            label = BinarizedColumn.label(config.label().resolve(header, "label"), config.labelRule());
            if (config.score() != null) {
                scoreColumn = config.score().resolve(header, "score");
            }
            if (config.predictedLabel() != null) {
                predicted = BinarizedColumn.predictedLabel(config.predictedLabel().resolve(header, "predicted label"),
                        config.labelRule(), config.probabilityThreshold());
            } else {
                double threshold = config.probabilityThreshold() != null ? config.probabilityThreshold() : DEFAULT_PROBABILITY_THRESHOLD;
                predicted = BinarizedColumn.predictedLabel(scoreColumn, config.labelRule(), threshold);
            }
            for (FacetConfig facet : config.facets()) {
                int column = facet.column().resolve(header, "facet");
                facets.add(new FacetColumn(facet, column, header.name(column)));
            }
            if (scoreColumn >= 0) {
                scores = new double[1024];
                labelCodes = new byte[1024];
                facetCodes = new int[facets.size()][1024];
            }
        }

        @Override
        public void row(CsvRow row) {
            int labelCode = label.encode(row);
            int predictedCode = predicted.encode(row);
            overall.add(0, 0, labelCode, predictedCode);
            if (scores != null && rows == scores.length) {
                int capacity = rows + (rows >> 1);
                scores = Arrays.copyOf(scores, capacity);
                labelCodes = Arrays.copyOf(labelCodes, capacity);
                for (int f = 0; f < facetCodes.length; f++) {
                    facetCodes[f] = Arrays.copyOf(facetCodes[f], capacity);
                }
            }
            for (int f = 0; f < facets.size(); f++) {
                int code = facets.get(f).encode(row);
                facets.get(f).table().add(code, 0, labelCode, predictedCode);
                if (scores != null) {
                    facetCodes[f][rows] = code;
                }
            }
            if (scores != null) {
                double score = row.number(scoreColumn);
                if (score < 0 || score > 1) {
                    throw org.modelgov.fairness.MetricsInputException.at(row.rowNumber(), header.name(scoreColumn),
                            "the score is outside [0, 1]");
                }
                scores[rows] = score;
                labelCodes[rows] = (byte) labelCode;
            }
            rows++;
        }
    }
}
