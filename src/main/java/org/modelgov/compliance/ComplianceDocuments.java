package org.modelgov.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.documents.PdfDocuments;
import org.modelgov.export.AuditorExportPart;
import org.modelgov.export.ExportFile;
import org.springframework.stereotype.Component;

/**
 * The compliance report as documents: JSON (the API's shape) and PDF ({@code templates/pdf/compliance-report}),
 * and as its part of the auditor's export ({@code compliance/compliance-report.json} and {@code .pdf}).
 */
@Component
public class ComplianceDocuments implements AuditorExportPart {

    private final ComplianceService compliance;
    private final PdfDocuments pdf;
    private final ObjectMapper json;

    ComplianceDocuments(ComplianceService compliance, PdfDocuments pdf, ObjectMapper json) {
        this.compliance = compliance;
        this.pdf = pdf;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * The report as PDF; links point at {@code baseUrl} (e.g. {@code https://modelgov.example.com}), or are
     * printed as ModelGov paths when it is empty (an export made outside a request).
     */
    public byte[] pdf(ComplianceReport report, String baseUrl) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("report", report);
        variables.put("baseUrl", baseUrl == null ? "" : baseUrl);
        variables.put("title", "Compliance report " + report.modelId());
        return pdf.render("pdf/compliance-report", variables);
    }

    public byte[] json(ComplianceReport report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the compliance report could not be written as JSON", e);
        }
    }

    @Override
    public List<ExportFile> filesFor(String modelId) {
        // one evaluation for both files, so the JSON and the PDF say the same thing
        ComplianceReport report = compliance.report(modelId);
        return List.of(new ExportFile("compliance/compliance-report.json", "application/json", json(report)),
                new ExportFile("compliance/compliance-report.pdf", "application/pdf", pdf(report, "")));
    }
}
