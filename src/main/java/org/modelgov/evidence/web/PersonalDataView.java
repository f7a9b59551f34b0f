package org.modelgov.evidence.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.modelgov.privacy.PersonalDataKind;

/** A stored personal-data report as the page shows it: special categories first, then personal data. */
record PersonalDataView(long rows, int columns, String found, List<Row> findings, List<String> personalDetectors,
                        List<String> specialCategories) {

    /** One column and detector; no value is in the report, so none can be here. */
    record Row(String column, String detector, String label, boolean special, long rows, String share,
               String detectedBy) {
    }

    static PersonalDataView of(JsonNode json) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode f : json.path("findings")) {
            String by = f.path("detected_by").asText();
            rows.add(new Row(f.path("column").asText(), f.path("detector").asText(), f.path("label").asText(),
                    f.path("special_category").asBoolean(), f.path("rows").asLong(),
                    String.format(Locale.ROOT, "%.1f%%", f.path("share").asDouble() * 100),
                    switch (by) {
                        case "HEADER" -> "header";
                        case "VALUES" -> "values";
                        default -> "header and values";
                    }));
        }
        rows.sort((a, b) -> Boolean.compare(b.special(), a.special()));
        return new PersonalDataView(json.path("rows").asLong(), json.path("columns").asInt(),
                json.path("found").asText("NONE"), rows,
                Arrays.stream(PersonalDataKind.values()).filter(k -> !k.specialCategory()).map(PersonalDataKind::label)
                        .toList(),
                Arrays.stream(PersonalDataKind.values()).filter(PersonalDataKind::specialCategory)
                        .map(PersonalDataKind::label).toList());
    }

    public String foundText() {
        return switch (found) {
            case "SPECIAL_CATEGORY" -> "Special-category data (GDPR Art. 9) found";
            case "PERSONAL" -> "Personal data found";
            default -> "No personal data found";
        };
    }
}
