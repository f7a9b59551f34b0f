package org.modelgov.fairness.impact;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modelgov.fairness.json.Json;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Impact ratios per category of each category column and, with two columns, of their
 * intersections (keyed "sex, race"; categories written "F, Black").
 *
 * @param medianScore the sample's median score when rates are scoring rates, else null
 */
public record ImpactRatioReport(String selection, long rows, double minShare, Double medianScore,
        Map<String, List<CategoryRate>> tables) implements Json.Report {

    public ImpactRatioReport {
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public List<CategoryRate> table(String name) {
        return tables.get(name);
    }

    @Override
    public void write(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("selection", selection);
        out.writeNumberField("rows", rows);
        out.writeNumberField("min_share", minShare);
        if (medianScore != null) {
            out.writeNumberField("median_score", medianScore);
        }
        out.writeObjectFieldStart("impact_ratios");
        for (Map.Entry<String, List<CategoryRate>> table : tables.entrySet()) {
            out.writeArrayFieldStart(table.getKey());
            for (CategoryRate c : table.getValue()) {
                out.writeStartObject();
                out.writeStringField("category", c.category());
                out.writeNumberField("rows", c.rows());
                out.writeNumberField("share", c.share());
                out.writeNumberField("selected", c.selected());
                out.writeNumberField(medianScore != null ? "scoring_rate" : "selection_rate", c.rate());
                Json.writeNumber(out, "impact_ratio", c.impactRatio());
                out.writeBooleanField("below_min_share", c.belowMinShare());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeEndObject();
    }
}
