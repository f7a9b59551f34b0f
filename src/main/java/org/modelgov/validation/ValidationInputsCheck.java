package org.modelgov.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modelgov.common.FieldViolation;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.config.ColumnRef;
import org.modelgov.fairness.config.FacetConfig;
import org.modelgov.inventory.ValidationInputCheck;
import org.modelgov.inventory.ValidationInputs;
import org.springframework.stereotype.Service;

/**
 * Checks at registration what validation will need, so a typo is a 400 on its field and not a failed round after
 * the questionnaire and the risk review: each location is one ModelGov may read, each file opens, the analysis
 * config parses, the evaluation dataset's header has the config's label, predicted label, score, group and facet
 * columns, the drift datasets have a header, the explainability report is JSON. Only headers and small files are
 * read. No message quotes the data: a missing column is named as the config names it.
 */
@Service
class ValidationInputsCheck implements ValidationInputCheck {

    /** The header line of a dataset is read up to this size; wider tables are not datasets ModelGov validates. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** Configs and explainability reports are small JSON files. */
    static final int MAX_JSON_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIG_FIELD = Pattern.compile("field '([A-Za-z0-9_\\[\\].]{1,80})'");

    private final DatasetSource datasets;

    ValidationInputsCheck(DatasetSource datasets) {
        this.datasets = datasets;
    }

    @Override
    public List<FieldViolation> problems(String evaluationDatasetUri, ValidationInputs inputs) {
        List<FieldViolation> problems = new ArrayList<>();
        AnalysisConfig config = null;
        if (inputs.analysisConfigUri() != null) {
            config = config("analysisConfigUri", inputs.analysisConfigUri(), problems);
        }
        if (evaluationDatasetUri != null) {
            List<String> header = header("evaluationDatasetUri", evaluationDatasetUri, problems);
            if (header != null && config != null) {
                requireColumns(header, config, problems);
            }
        }
        for (Map.Entry<String, String> drift : driftDatasets(inputs).entrySet()) {
            header(drift.getKey(), drift.getValue(), problems);
        }
        if (inputs.explainabilityReportUri() != null) {
            jsonBytes("explainabilityReportUri", inputs.explainabilityReportUri(), problems);
        }
        return problems;
    }

    private static Map<String, String> driftDatasets(ValidationInputs inputs) {
        Map<String, String> uris = new LinkedHashMap<>();
        if (inputs.referenceDatasetUri() != null) {
            uris.put("referenceDatasetUri", inputs.referenceDatasetUri());
        }
        if (inputs.currentDatasetUri() != null) {
            uris.put("currentDatasetUri", inputs.currentDatasetUri());
        }
        return uris;
    }

    private AnalysisConfig config(String field, String uri, List<FieldViolation> problems) {
        byte[] bytes = jsonBytes(field, uri, problems);
        if (bytes == null) {
            return null;
        }
        try {
            return AnalysisConfig.parse(new java.io.ByteArrayInputStream(bytes));
        } catch (MetricsInputException | IllegalArgumentException e) {
            // the parser names the config field at fault; its values stay unquoted
            Matcher at = CONFIG_FIELD.matcher(String.valueOf(e.getMessage()));
            problems.add(new FieldViolation(field, "is not a valid analysis config (label, label_values_or_threshold,"
                    + " facet, predicted_label ...)" + (at.find() ? ": check its field '" + at.group(1) + "'" : "")));
            return null;
        }
    }

    /** The file's bytes when it holds a JSON object; null (with the problem added) otherwise. */
    private byte[] jsonBytes(String field, String uri, List<FieldViolation> problems) {
        try (InputStream in = datasets.open(uri)) {
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                problems.add(new FieldViolation(field, "is larger than " + (MAX_JSON_BYTES >> 20) + " MiB"));
                return null;
            }
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                problems.add(new FieldViolation(field, "is not a JSON object"));
                return null;
            }
            return bytes;
        } catch (DatasetRefused e) {
            problems.add(new FieldViolation(field, e.getMessage()));
        } catch (IOException e) {
            problems.add(new FieldViolation(field, "is not valid JSON"));
        }
        return null;
    }

    /** The dataset's column names, or null (with the problem added) when it cannot be used. */
    private List<String> header(String field, String uri, List<FieldViolation> problems) {
        try (InputStream in = new java.io.BufferedInputStream(datasets.open(uri))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (line.size() >= MAX_HEADER_BYTES) {
                    problems.add(new FieldViolation(field, "has a header line longer than "
                            + (MAX_HEADER_BYTES >> 10) + " KiB: is it a CSV file?"));
                    return null;
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                problems.add(new FieldViolation(field, "is empty: a CSV file with a header row is expected"));
                return null;
            }
            return splitCsv(text);
        } catch (DatasetRefused e) {
            problems.add(new FieldViolation(field, e.getMessage()));
        } catch (IOException e) {
            problems.add(new FieldViolation(field, "could not be read"));
        }
        return null;
    }

    private static void requireColumns(List<String> header, AnalysisConfig config, List<FieldViolation> problems) {
        require(header, config.label(), "label", problems);
        require(header, config.predictedLabel(), "predicted_label", problems);
        require(header, config.score(), "score", problems);
        require(header, config.groupVariable(), "group_variable", problems);
        for (FacetConfig facet : config.facets()) {
            require(header, facet.column(), "facet", problems);
        }
    }

    private static void require(List<String> header, ColumnRef column, String role, List<FieldViolation> problems) {
        if (column == null) {
            return;
        }
        if (column.index() != null) {
            if (column.index() < 0 || column.index() >= header.size()) {
                problems.add(new FieldViolation("evaluationDatasetUri", "has " + header.size() + " columns; the"
                        + " analysis config's " + role + " is column index " + column.index()));
            }
        } else if (!header.contains(column.name())) {
            problems.add(new FieldViolation("evaluationDatasetUri", "has no column '" + column.name() + "' (the"
                    + " analysis config's " + role + ")"));
        }
    }

    /** One CSV line into fields (RFC 4180 quotes). */
    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
