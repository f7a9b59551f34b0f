package org.modelgov.evidence.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.modelgov.common.Sha256;
import org.modelgov.config.DatasetLimitsProperties;
import org.modelgov.evidence.EvidenceInput;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.data.CsvLimitExceededException;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.impact.CategoryRate;
import org.modelgov.fairness.impact.ImpactRatioAnalysis;
import org.modelgov.fairness.impact.ImpactRatioReport;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.validation.DatasetRefused;
import org.modelgov.validation.DatasetSource;
import org.modelgov.validation.Threshold;
import org.modelgov.web.charts.BarChart;
import org.springframework.stereotype.Component;

/**
 * NYC LL144 selection rates and impact ratios of a bias report. A bias report keeps Clarify's metrics only, so the
 * rates are computed again, the way validation computes them, from the version's evaluation dataset (through the
 * {@link DatasetSource} port: configured locations only), and shown only when that file is byte for byte the one
 * the report was computed on (its SHA-256 equals the report's data input).
 */
@Component
class ImpactRatioEvidence {

    private final DatasetSource datasets;
    private final CsvLimits limits;

    ImpactRatioEvidence(DatasetSource datasets, DatasetLimitsProperties limits) {
        this.datasets = datasets;
        this.limits = limits.csvLimits();
    }

    record Table(String name, List<Rate> rates, String ratesSvg, String ratiosSvg) {
    }

    record Rate(String category, long rows, String share, long selected, String rate, String impactRatio,
                boolean belowMinShare) {

        static Rate of(CategoryRate r) {
            return new Rate(r.category(), r.rows(), String.format(java.util.Locale.ROOT, "%.1f %%", r.share() * 100),
                    r.selected(), BarChart.format(r.rate()), BarChart.format(r.impactRatio()), r.belowMinShare());
        }
    }

    /** Either tables or a message saying why there are none; {@code asked} is false when the config wants none. */
    record Result(boolean asked, List<Table> tables, String message, String selection) {
    }

    Result of(EvidenceReport report, ModelVersion version, List<Threshold> diBounds) {
        AnalysisConfig config;
        try {
            config = report.config() == null ? null : AnalysisConfig.parse(report.config());
        } catch (MetricsInputException e) {
            return new Result(false, List.of(), null, null);
        }
        if (config == null || config.impactRatio() == null) {
            return new Result(false, List.of(), null, null);
        }
        Optional<EvidenceInput> data = report.inputs().stream().filter(i -> i.part().equals("data")).findFirst();
        if (version == null || version.evaluationDatasetUri() == null || data.isEmpty()) {
            return message("Impact ratios are computed from the version's evaluation dataset; this report is not tied"
                    + " to a version that names one.");
        }
        MessageDigest digest = Sha256.newDigest();
        ImpactRatioReport computed;
        try (InputStream raw = datasets.open(version.evaluationDatasetUri());
             DigestInputStream in = new DigestInputStream(raw, digest)) {
            computed = ImpactRatioAnalysis.run(new FilterInputStream(in) {
                @Override
                public void close() {
                    // the rest is hashed below
                }
            }, config, limits);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (DatasetRefused e) {
            return message("Impact ratios could not be computed: " + e.getMessage());
        } catch (IOException | CsvLimitExceededException e) {
            // never the file's content: only that it could not be read
            return message("Impact ratios could not be computed: the evaluation dataset could not be read.");
        } catch (MetricsInputException e) {
            return message("Impact ratios could not be computed from the evaluation dataset with this config.");
        }
        if (!Sha256.hex(digest).equals(data.get().sha256())) {
            return message("The version's evaluation dataset has changed since this report was computed (its SHA-256"
                    + " differs from the report's data input), so its impact ratios are not shown.");
        }
        List<Table> tables = new ArrayList<>();
        computed.tables().forEach((name, rates) -> {
            BarChart rateChart = BarChart.titled("Selection rate per category of " + name)
                    .rows("selection-rate", "category").including(0, 1);
            BarChart ratioChart = BarChart.titled("Impact ratio per category of " + name)
                    .rows("impact-ratio", "category").including(0, 1);
            for (CategoryRate rate : rates) {
                String label = rate.category() + (rate.belowMinShare() ? " (below min share)" : "");
                rateChart.bar(label, rate.rate(), "neutral");
                ratioChart.bar(label, rate.impactRatio(),
                        rate.belowMinShare() ? "neutral" : PolicyBounds.verdict(rate.impactRatio(), diBounds));
            }
            PolicyBounds.draw(ratioChart, diBounds);
            tables.add(new Table(name, rates.stream().map(Rate::of).toList(), rateChart.toSvg(), ratioChart.toSvg()));
        });
        return new Result(true, tables, null, computed.selection());
    }

    private static Result message(String text) {
        return new Result(true, List.of(), text, null);
    }
}
