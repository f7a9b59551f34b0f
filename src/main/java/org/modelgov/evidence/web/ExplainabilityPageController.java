package org.modelgov.evidence.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.modelgov.common.NotFoundException;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.validation.DatasetRefused;
import org.modelgov.validation.DatasetSource;
import org.modelgov.web.charts.BarChart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A version's global feature importance: the mean |SHAP| per feature of its explainability report (SageMaker
 * Clarify's analysis.json form), read through the {@link DatasetSource} port, so only from configured locations.
 * A report that cannot be read or understood is said plainly, without its content.
 */
@Controller
class ExplainabilityPageController {

    /** A report is a small JSON document; a larger "report" is a mistake, not something to parse. */
    static final int MAX_REPORT_BYTES = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InventoryService inventory;
    private final DatasetSource datasets;

    ExplainabilityPageController(InventoryService inventory, DatasetSource datasets) {
        this.inventory = inventory;
        this.datasets = datasets;
    }

    record Importance(String feature, double value) {
    }

    /** One method and label of the report (e.g. kernel_shap, label0) with its features, most important first. */
    record Explanation(String method, String label, Double expectedValue, List<Importance> features, String svg) {
    }

    @GetMapping("/models/{modelId}/versions/{number}/explainability")
    String explainability(@PathVariable String modelId, @PathVariable String number, Model model) {
        if (!number.matches("[1-9][0-9]{0,8}")) {
            throw new NotFoundException("Model " + modelId + " has no version " + number);
        }
        ModelVersion version = inventory.version(modelId, Integer.parseInt(number));
        model.addAttribute("model", inventory.get(modelId));
        model.addAttribute("version", version);
        String uri = version.validation().explainabilityReportUri();
        model.addAttribute("uri", uri);
        if (uri == null) {
            model.addAttribute("problem", "This version has no explainability report. Its owner attaches one as"
                    + " explainabilityReportUri (a SageMaker Clarify analysis.json with SHAP values).");
            return "reports/explainability";
        }
        try (InputStream in = datasets.open(uri)) {
            byte[] bytes = in.readNBytes(MAX_REPORT_BYTES + 1);
            if (bytes.length > MAX_REPORT_BYTES) {
                model.addAttribute("problem", "The explainability report is larger than " + (MAX_REPORT_BYTES >> 20)
                        + " MB; it is not an analysis.json.");
            } else {
                List<Explanation> explanations = explanations(JSON.readTree(bytes));
                model.addAttribute("explanations", explanations);
                if (explanations.isEmpty()) {
                    model.addAttribute("problem", "The explainability report has no global SHAP values (Clarify's"
                            + " analysis.json form: explanations → kernel_shap → label → global_shap_values).");
                }
            }
        } catch (DatasetRefused e) {
            // its message names what is wrong and where ModelGov may read, never the data
            model.addAttribute("problem", "The explainability report cannot be read: " + e.getMessage());
        } catch (JsonProcessingException e) {
            model.addAttribute("problem", "The explainability report is not valid JSON.");
        } catch (IOException e) {
            model.addAttribute("problem", "The explainability report could not be read.");
        }
        return "reports/explainability";
    }

    /** explanations.{method}.{label}.global_shap_values: {feature: mean |SHAP|}, sorted most important first. */
    static List<Explanation> explanations(JsonNode report) {
        List<Explanation> out = new ArrayList<>();
        if (report == null) {
            return out;
        }
        report.path("explanations").properties().forEach(method -> method.getValue().properties().forEach(label -> {
            JsonNode values = label.getValue().path("global_shap_values");
            if (!values.isObject()) {
                return;
            }
            List<Importance> features = new ArrayList<>();
            values.properties().forEach(f -> {
                if (f.getValue().isNumber()) {
                    // mean |SHAP|: Clarify writes it non-negative; a signed value is shown by its size
                    features.add(new Importance(f.getKey(), Math.abs(f.getValue().doubleValue())));
                }
            });
            features.sort(Comparator.comparingDouble(Importance::value).reversed());
            BarChart chart = BarChart.titled("Mean |SHAP| per feature (" + method.getKey() + ", " + label.getKey() + ")")
                    .rows("feature-importance", "feature");
            features.forEach(f -> chart.bar(f.feature(), f.value(), "neutral"));
            JsonNode expected = label.getValue().path("expected_value");
            out.add(new Explanation(method.getKey(), label.getKey(), expected.isNumber() ? expected.doubleValue() : null,
                    features, chart.toSvg()));
        }));
        return out;
    }
}
