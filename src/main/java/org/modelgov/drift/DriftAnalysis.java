package org.modelgov.drift;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.data.ByteDictionary;
import org.modelgov.fairness.data.CsvHeader;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.data.CsvReader;
import org.modelgov.fairness.data.CsvRow;
import org.modelgov.fairness.data.CsvRowHandler;

/**
 * Data drift between a reference (baseline) and a current CSV data set, per feature:
 * <ul>
 *   <li>numeric features: PSI over bins at the reference deciles (open-ended), and the two-sample
 *       Kolmogorov–Smirnov statistic;</li>
 *   <li>categorical features: PSI over the categories, and the Jensen–Shannon divergence;</li>
 * </ul>
 * an empty bin or category counts as a share of 0.0001 ({@link DriftStatistics}). A feature is
 * numeric when every non-empty reference cell is a number, unless the config lists it as
 * categorical. With attributions in the config, also the attribution drift as nDCG
 * ({@link AttributionDrift}).
 */
public final class DriftAnalysis {

    /**
     * The most cells (features × rows) one data set may bring: every cell is kept, so this bounds the memory of one
     * analysis (measured about 20 bytes of heap per numeric cell with growth and sorted copies: about 800 MB for
     * two sets at the cap, see the README).
     */
    public static final long MAX_CELLS = 20_000_000;

    /** Opens a data set; lets callers defer opening the second file until the first is read. */
    @FunctionalInterface
    public interface DataSource {
        InputStream open() throws IOException;
    }

    private DriftAnalysis() {
    }

    public static DriftReport run(InputStream reference, InputStream current, DriftConfig config) {
        try {
            return run(() -> reference, () -> current, config);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Within the {@link CsvLimits#DEFAULTS}. */
    public static DriftReport run(DataSource reference, DataSource current, DriftConfig config) throws IOException {
        return run(reference, current, config, CsvLimits.DEFAULTS);
    }

    public static DriftReport run(DataSource reference, DataSource current, DriftConfig config, CsvLimits limits)
            throws IOException {
        Collection ref = new Collection(config, null);
        try (InputStream in = reference.open()) {
            CsvReader.read(in, limits, ref);
        }
        Collection cur = new Collection(config, ref);
        try (InputStream in = current.open()) {
            CsvReader.read(in, limits, cur);
        }
        List<FeatureDrift> features = new ArrayList<>();
        for (int f = 0; f < ref.names.size(); f++) {
            features.add(compare(ref.names.get(f), ref.collectors.get(f), cur.collectors.get(f), ref.numeric(f)));
        }
        Double ndcg = null;
        if (config.referenceAttributions() != null) {
            ndcg = AttributionDrift.ndcg(config.referenceAttributions(), config.currentAttributions());
        }
        return new DriftReport(ref.rows, cur.rows, features, ndcg, config.ndcgThreshold(),
                config.features() == null ? java.util.Set.of() : java.util.Set.copyOf(config.features()));
    }

    private static FeatureDrift compare(String name, FeatureCollector ref, FeatureCollector cur, boolean numeric) {
        if (ref.present() == 0) {
            throw new MetricsInputException("column '" + name + "': every reference cell is empty");
        }
        if (cur.present() == 0) {
            throw new MetricsInputException("column '" + name + "': every current cell is empty");
        }
        if (numeric) {
            double[] r = ref.sortedNumbers();
            double[] c = cur.sortedNumbers();
            double[] edges = DriftStatistics.decileEdges(r);
            double psi = DriftStatistics.populationStabilityIndex(DriftStatistics.binCounts(r, edges),
                    DriftStatistics.binCounts(c, edges));
            return new FeatureDrift(name, true, psi, DriftStatistics.kolmogorovSmirnov(r, c), null,
                    Arrays.stream(edges).boxed().toList(), null, r.length, c.length, ref.missing(), cur.missing());
        }
        // categories: the reference's in order of appearance, then the ones only the current data has
        List<String> categories = new ArrayList<>(ref.categories().values());
        for (String value : cur.categories().values()) {
            if (!categories.contains(value)) {
                categories.add(value);
            }
        }
        long[] refCounts = counts(categories, ref);
        long[] curCounts = counts(categories, cur);
        return new FeatureDrift(name, false, DriftStatistics.populationStabilityIndex(refCounts, curCounts), null,
                DriftStatistics.jensenShannon(refCounts, curCounts), null, categories, ref.present(), cur.present(),
                ref.missing(), cur.missing());
    }

    private static long[] counts(List<String> categories, FeatureCollector collector) {
        ByteDictionary dictionary = collector.categories();
        java.util.Map<String, Integer> codes = new java.util.HashMap<>();
        for (int code = 0; code < dictionary.size(); code++) {
            codes.put(dictionary.value(code), code);
        }
        long[] counts = new long[categories.size()];
        for (int i = 0; i < counts.length; i++) {
            Integer code = codes.get(categories.get(i));
            counts[i] = code == null ? 0 : collector.categoryCount(code);
        }
        return counts;
    }

    /** One data set's pass: a collector per feature. */
    private static final class Collection implements CsvRowHandler {
        private final DriftConfig config;
        private final Collection reference; // null while reading the reference itself
        final List<String> names = new ArrayList<>();
        final List<FeatureCollector> collectors = new ArrayList<>();
        long rows;

        Collection(DriftConfig config, Collection reference) {
            this.config = config;
            this.reference = reference;
        }

        boolean numeric(int feature) {
            return !config.categorical().contains(names.get(feature)) && collectors.get(feature).isNumeric();
        }

        @Override
        public void header(CsvHeader header) {
            List<String> features = reference != null ? reference.names
                    : config.features() != null ? config.features() : header.names();
            for (int f = 0; f < features.size(); f++) {
                String name = features.get(f);
                int column = header.indexOf(name);
                if (column < 0) {
                    throw new MetricsInputException("row 1, column '" + name + "': not found in the "
                            + (reference == null ? "reference" : "current") + " data's header");
                }
                names.add(name);
                boolean categorical = config.categorical().contains(name);
                if (reference == null) {
                    collectors.add(new FeatureCollector(column, !categorical, true, false));
                } else {
                    boolean numeric = reference.numeric(f);
                    collectors.add(new FeatureCollector(column, numeric, !numeric, numeric));
                }
            }
        }

        @Override
        public void row(CsvRow row) {
            // drift keeps every cell of its features (exact deciles and KS): the cells, not the bytes, take memory
            if ((rows + 1) * collectors.size() > MAX_CELLS) {
                throw new MetricsInputException("row " + row.rowNumber() + ": drift compares at most " + MAX_CELLS
                        + " cells (features x rows) per data set; sample the data or name fewer features in the"
                        + " drift config");
            }
            for (FeatureCollector collector : collectors) {
                collector.add(row);
            }
            rows++;
        }
    }
}
