package org.modelgov.fairness.bias;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.config.ColumnRef;
import org.modelgov.fairness.config.FacetConfig;
import org.modelgov.fairness.data.ByteDictionary;
import org.modelgov.fairness.data.CsvHeader;
import org.modelgov.fairness.data.CsvRow;
import org.modelgov.fairness.data.CsvRowHandler;
import org.modelgov.fairness.data.NumberParser;

/**
 * The single streaming pass of a bias analysis: per row it encodes label, prediction, group and
 * each facet as small codes and counts them in one {@link OutcomeTable} per facet. Only the flip
 * test makes it keep per-row values ({@link FeatureStore}).
 */
final class BiasDataPass implements CsvRowHandler {

    private final AnalysisConfig config;
    private final boolean usePredictions;
    private final boolean keepRowsForFlipTest;

    CsvHeader header;
    BinarizedColumn label;
    BinarizedColumn predicted;
    int groupColumn = -1;
    final ByteDictionary groups = new ByteDictionary();
    final List<FacetColumn> facets = new ArrayList<>();
    FeatureStore featureStore;
    long dataRows;
    private int[] facetCodes;

    BiasDataPass(AnalysisConfig config, boolean usePredictions, boolean keepRowsForFlipTest) {
        this.config = config;
        this.usePredictions = usePredictions;
        this.keepRowsForFlipTest = keepRowsForFlipTest;
    }

    @Override
    public void header(CsvHeader header) {
        this.header = header;
        int labelColumn = config.label().resolve(header, "label");
        label = BinarizedColumn.label(labelColumn, config.labelRule());
        int predictedColumn = -1;
        if (usePredictions) {
            predictedColumn = config.predictedLabel().resolve(header, "predicted label");
            predicted = BinarizedColumn.predictedLabel(predictedColumn, config.labelRule(), config.probabilityThreshold());
        }
        if (config.groupVariable() != null) {
            groupColumn = config.groupVariable().resolve(header, "group variable");
        }
        for (FacetConfig facet : config.facets()) {
            int column = facet.column().resolve(header, "facet");
            facets.add(new FacetColumn(facet, column, header.name(column)));
        }
        facetCodes = new int[facets.size()];
        if (keepRowsForFlipTest) {
            featureStore = flipTestStore(header, labelColumn, predictedColumn);
        }
    }

    private FeatureStore flipTestStore(CsvHeader header, int labelColumn, int predictedColumn) {
        int[] columns;
        if (config.flipTestFeatures() != null) {
            columns = config.flipTestFeatures().stream().mapToInt(c -> c.resolve(header, "flip test feature")).toArray();
        } else {
            int scoreColumn = config.score() == null ? -1 : config.score().resolve(header, "score");
            // every other column is a candidate; non-numeric ones drop out during the pass
            columns = IntStream.range(0, header.size())
                    .filter(c -> c != labelColumn && c != predictedColumn && c != scoreColumn).toArray();
        }
        String[] names = IntStream.of(columns).mapToObj(header::name).toArray(String[]::new);
        return new FeatureStore(columns, names, facets.size());
    }

    @Override
    public void row(CsvRow row) {
        int labelCode = label.encode(row);
        int predictedCode = predicted == null ? 0 : predicted.encode(row);
        int groupCode = groupColumn < 0 ? 0 : groups.codeOf(row, groupColumn);
        for (int f = 0; f < facetCodes.length; f++) {
            FacetColumn facet = facets.get(f);
            int code = facet.encode(row);
            facetCodes[f] = code;
            facet.table().add(code, groupCode, labelCode, predictedCode);
        }
        if (featureStore != null) {
            featureStore.add(row, predictedCode, facetCodes);
        }
        dataRows++;
    }

    /** Group codes in sorted group order (numeric order when every group value is a number), or null. */
    int[] groupOrder() {
        if (groupColumn < 0) {
            return null;
        }
        List<String> values = groups.values();
        boolean numeric = values.stream().allMatch(v -> !Double.isNaN(NumberParser.parse(v)));
        Comparator<Integer> order = numeric
                ? Comparator.comparingDouble(code -> NumberParser.parse(values.get(code)))
                : Comparator.comparing(values::get);
        return IntStream.range(0, values.size()).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
    }

    /** Fails when an explicitly configured FT feature column held a non-number. */
    void checkFlipTestFeatures() {
        if (featureStore == null || config.flipTestFeatures() == null) {
            return;
        }
        for (int c = 0; c < config.flipTestFeatures().size(); c++) {
            if (!featureStore.isNumeric(c)) {
                ColumnRef ref = config.flipTestFeatures().get(c);
                throw MetricsInputException.at(featureStore.firstNonNumericRow(c), ref.toString(),
                        "flip test features must be numbers");
            }
        }
    }
}
