package org.modelgov.fairness.bias;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.bias.FacetColumn.FacetSelection;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.config.MetricSelection;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.data.CsvReader;

/**
 * Computes SageMaker Clarify's pre- and post-training bias metrics on a CSV data set in one
 * streaming pass. The entry point for the validation steps, the REST API and the command line.
 *
 * <pre>{@code
 * BiasReport report = BiasAnalysis.run(csv, AnalysisConfig.parse(configJson));
 * report.writeJson(out); // Clarify's analysis.json
 * }</pre>
 *
 * Input problems (missing columns, non-numbers, ragged rows, unknown metrics, a facet value that never
 * occurs...) throw {@link MetricsInputException}; a metric that cannot be computed on valid input
 * (an empty facet, no positive labels...) is reported with {@code value: null} and its error.
 */
public final class BiasAnalysis {

    private BiasAnalysis() {
    }

    /** Within the {@link CsvLimits#DEFAULTS}. */
    public static BiasReport run(InputStream csv, AnalysisConfig config) {
        return run(csv, config, CsvLimits.DEFAULTS);
    }

    public static BiasReport run(InputStream csv, AnalysisConfig config, CsvLimits limits) {
        MetricSelection pre = config.preTraining();
        MetricSelection post = config.postTraining();
        if (config.facets().isEmpty()) {
            throw new MetricsInputException("config, field 'facet': at least one facet is needed");
        }
        if (post != null && config.predictedLabel() == null) {
            throw new MetricsInputException("config, field 'predicted_label': post-training metrics need a predicted label column");
        }
        boolean flipTest = post != null && post.contains(BiasMetric.FT);
        BiasDataPass pass = new BiasDataPass(config, post != null, flipTest);
        CsvReader.read(csv, limits, pass);
        pass.checkFlipTestFeatures();

        boolean[] labelPositive = pass.label.positiveCodes();
        boolean[] predictedPositive = pass.predicted == null ? new boolean[4] : pass.predicted.positiveCodes();
        int[] groupOrder = pass.groupOrder();

        Map<String, List<FacetResult>> preFacets = new LinkedHashMap<>();
        Map<String, List<FacetResult>> postFacets = new LinkedHashMap<>();
        for (int f = 0; f < pass.facets.size(); f++) {
            FacetColumn facet = pass.facets.get(f);
            String name = facet.name();
            for (FacetSelection selection : facet.selections(pass.dataRows)) {
                FacetOutcomes outcomes = facet.table().split(selection.inFacetD(), labelPositive, predictedPositive, groupOrder);
                if (pre != null) {
                    preFacets.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(new FacetResult(selection.valueOrThreshold(), preTraining(pre, outcomes)));
                }
                if (post != null) {
                    postFacets.computeIfAbsent(name, k -> new ArrayList<>()).add(new FacetResult(selection.valueOrThreshold(),
                            postTraining(post, outcomes, pass, f, facet.column(), selection.inFacetD(), predictedPositive)));
                }
            }
        }
        String labelName = pass.header.name(pass.label.column());
        String labelValues = pass.label.valueOrThreshold();
        return new BiasReport(
                pre == null ? null : new StageReport(labelName, labelValues, preFacets),
                post == null ? null : new StageReport(labelName, labelValues, postFacets));
    }

    private static List<MetricResult> preTraining(MetricSelection selection, FacetOutcomes outcomes) {
        List<MetricResult> results = new ArrayList<>();
        for (BiasMetric metric : BiasMetric.Stage.PRE_TRAINING.metrics()) {
            if (selection.contains(metric)) {
                results.add(safely(metric, () -> PreTrainingMetrics.compute(metric, outcomes)));
            }
        }
        return results;
    }

    private static List<MetricResult> postTraining(MetricSelection selection, FacetOutcomes outcomes, BiasDataPass pass,
            int facetIndex, int facetColumn, boolean[] inFacetDByCode, boolean[] predictedPositiveByCode) {
        List<MetricResult> results = new ArrayList<>();
        for (BiasMetric metric : BiasMetric.Stage.POST_TRAINING.metrics()) {
            if (!selection.contains(metric)) {
                continue;
            }
            if (metric == BiasMetric.FT) {
                results.add(safely(metric, () -> flipTest(pass, facetIndex, facetColumn, inFacetDByCode, predictedPositiveByCode)));
            } else {
                results.add(safely(metric, () -> PostTrainingMetrics.compute(metric, outcomes)));
            }
        }
        return results;
    }

    private static double flipTest(BiasDataPass pass, int facetIndex, int facetColumn, boolean[] inFacetDByCode,
            boolean[] predictedPositiveByCode) {
        FeatureStore store = pass.featureStore;
        int rows = store.rows();
        int[] facetCodes = store.facetCodes(facetIndex);
        byte[] predictedCodes = store.predictedCodes();
        boolean[] inFacetD = new boolean[rows];
        boolean[] predicted = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            int code = facetCodes[i];
            inFacetD[i] = code < inFacetDByCode.length && inFacetDByCode[code];
            predicted[i] = predictedPositiveByCode[predictedCodes[i]];
        }
        List<double[]> features = new ArrayList<>();
        for (int c : store.numericColumnsExcept(facetColumn)) {
            features.add(store.values(c));
        }
        return FlipTest.compute(features, inFacetD, predicted, rows);
    }

    private interface MetricComputation {
        double compute();
    }

    private static MetricResult safely(BiasMetric metric, MetricComputation computation) {
        try {
            return MetricResult.of(metric, computation.compute());
        } catch (MetricNotComputable e) {
            return MetricResult.failed(metric, e.getMessage());
        }
    }
}
