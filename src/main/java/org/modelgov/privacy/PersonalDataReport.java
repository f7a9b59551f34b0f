package org.modelgov.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What a scan found in one dataset: per column and detector, how many rows and what share. No value is in it.
 *
 * @param rows    data rows scanned (the header not counted)
 * @param columns columns scanned
 */
public record PersonalDataReport(long rows, int columns, List<PersonalDataFinding> findings) {

    private static final JsonFactory JSON = new JsonFactory();

    public PersonalDataReport {
        findings = List.copyOf(findings);
    }

    /** The most the dataset holds: special-category data, personal data, or none found. */
    public PersonalDataClass found() {
        PersonalDataClass found = PersonalDataClass.NONE;
        for (PersonalDataFinding f : findings) {
            found = found.max(PersonalDataClass.of(f.detector()));
        }
        return found;
    }

    /**
     * One report for several datasets: {@code {"found": "PERSONAL", "datasets": [{"part", "file", "rows", "columns",
     * "found", "findings": [{"column", "detector", "label", "special_category", "rows", "share", "detected_by"}]}]}}.
     */
    public static String toJson(List<Dataset> datasets) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            PersonalDataClass found = PersonalDataClass.NONE;
            for (Dataset d : datasets) {
                found = found.max(d.report().found());
            }
            g.writeStringField("found", found.name());
            g.writeArrayFieldStart("datasets");
            for (Dataset d : datasets) {
                g.writeStartObject();
                g.writeStringField("part", d.part());
                g.writeStringField("file", d.file());
                d.report().write(g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A scanned dataset: the upload part it came in ({@code data}, {@code reference} ...) and its file name. */
    public record Dataset(String part, String file, PersonalDataReport report) {
    }

    private void write(JsonGenerator g) throws IOException {
        g.writeNumberField("rows", rows);
        g.writeNumberField("columns", columns);
        g.writeStringField("found", found().name());
        g.writeArrayFieldStart("findings");
        for (PersonalDataFinding f : findings) {
            g.writeStartObject();
            g.writeStringField("column", f.column());
            g.writeStringField("detector", f.detector().name());
            g.writeStringField("label", f.detector().label());
            g.writeBooleanField("special_category", f.specialCategory());
            g.writeNumberField("rows", f.rows());
            g.writeNumberField("share", f.share());
            g.writeStringField("detected_by", f.detectedBy().name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** This dataset alone, as {@link #toJson(List)} writes it (part {@code data}). */
    public String toJson() {
        return toJson(List.of(new Dataset("data", null, this)));
    }
}
