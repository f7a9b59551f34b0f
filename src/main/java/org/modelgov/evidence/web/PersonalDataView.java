package org.modelgov.evidence.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.modelgov.privacy.PersonalDataFinding.DetectedBy;
import org.modelgov.privacy.PersonalDataKind;

/** A stored personal-data report as the page shows it: per dataset, special categories first. */
record PersonalDataView(String found, List<Dataset> datasets, List<String> personalDetectors,
                        List<String> specialCategories) {

    /** One scanned dataset. */
    record Dataset(String part, String file, long rows, int columns, String found, List<Row> findings) {

        public String title() {
            String role = switch (part) {
                case "data" -> "Evaluation data";
                case "reference" -> "Reference data";
                case "current" -> "Current data";
                default -> part;
            };
            return role + (file == null || file.isBlank() ? "" : " (" + file + ")");
        }

        public String foundText() {
            return PersonalDataView.foundText(found);
        }
    }

    /** One column and detector; no value is in the report, so none can be here. */
    record Row(String column, String detector, String label, boolean special, long rows, String share,
               String detectedBy) {
    }

    static PersonalDataView of(JsonNode json) {
        List<Dataset> datasets = new ArrayList<>();
        for (JsonNode d : json.path("datasets")) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode f : d.path("findings")) {
                rows.add(new Row(f.path("column").asText(), f.path("detector").asText(), f.path("label").asText(),
                        f.path("special_category").asBoolean(), f.path("rows").asLong(),
                        String.format(Locale.ROOT, "%.1f%%", f.path("share").asDouble() * 100),
                        DetectedBy.named(f.path("detected_by").asText()).words()));
            }
            rows.sort((a, b) -> Boolean.compare(b.special(), a.special()));
            datasets.add(new Dataset(d.path("part").asText(), d.path("file").isTextual() ? d.path("file").asText()
                    : null, d.path("rows").asLong(), d.path("columns").asInt(), d.path("found").asText("NONE"), rows));
        }
        return new PersonalDataView(json.path("found").asText("NONE"), datasets,
                Arrays.stream(PersonalDataKind.values()).filter(k -> !k.specialCategory()).map(PersonalDataKind::label)
                        .toList(),
                Arrays.stream(PersonalDataKind.values()).filter(PersonalDataKind::specialCategory)
                        .map(PersonalDataKind::label).toList());
    }

    public String foundText() {
        return foundText(found);
    }

    static String foundText(String found) {
        return switch (found) {
            case "SPECIAL_CATEGORY" -> "Special-category data (GDPR Art. 9) found";
            case "PERSONAL" -> "Personal data found";
            default -> "No personal data found";
        };
    }
}
