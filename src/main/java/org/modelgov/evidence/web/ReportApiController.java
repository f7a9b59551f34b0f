package org.modelgov.evidence.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.modelgov.common.InvalidInputException;
import org.modelgov.evidence.EvidenceInput;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.evidence.NewReport;
import org.modelgov.evidence.ReportKind;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.evidence.Upload;
import org.modelgov.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metrics reports as evidence: upload CSV files (multipart/form-data), get the computed report back,
 * stored under an id. Uploads are streamed from the servlet container's temporary files.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class ReportApiController {

    static final String MODEL_ID = "modelId";
    static final String MODEL_VERSION = "modelVersion";

    private final EvidenceService evidence;

    ReportApiController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @PostMapping(path = "/bias", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportResponse> bias(HttpServletRequest request, Authentication user)
            throws IOException, ServletException {
        return create(ReportKind.BIAS, request, user);
    }

    @PostMapping(path = "/performance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportResponse> performance(HttpServletRequest request, Authentication user)
            throws IOException, ServletException {
        return create(ReportKind.PERFORMANCE, request, user);
    }

    @PostMapping(path = "/drift", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportResponse> drift(HttpServletRequest request, Authentication user)
            throws IOException, ServletException {
        return create(ReportKind.DRIFT, request, user);
    }

    /** Scans a CSV file for personal data on demand; the report names columns and detectors, never values. */
    @PostMapping(path = "/personal-data", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportResponse> personalData(HttpServletRequest request, Authentication user)
            throws IOException, ServletException {
        return create(ReportKind.PERSONAL_DATA, request, user);
    }

    /** A comparison is the A/B stage's own record, never an upload: refused with 400 saying where it comes from. */
    @PostMapping(path = {"/ab-comparison", "/ab_comparison"})
    ResponseEntity<ReportResponse> abComparison() {
        throw InvalidInputException.of("kind", "an ab_comparison report is produced by the lifecycle's A/B stage,"
                + " not uploaded");
    }

    @GetMapping("/{id}")
    ReportResponse get(@PathVariable String id) {
        return ReportResponse.of(evidence.get(id));
    }

    /** Metadata of stored reports, newest first; no report bodies. */
    @GetMapping
    List<SummaryResponse> list(@RequestParam(required = false) String modelId,
                               @RequestParam(required = false) String kind,
                               @RequestParam(defaultValue = "100") String limit) {
        ReportKind reportKind = null;
        if (kind != null && !kind.isBlank()) {
            try {
                reportKind = ReportKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("kind", "must be one of bias, performance, drift, personal_data, ab_comparison");
            }
        }
        int max;
        try {
            max = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("limit", "must be a number");
        }
        String model = modelId == null || modelId.isBlank() ? null : modelId.trim();
        return evidence.list(model, reportKind, max).stream().map(SummaryResponse::of).toList();
    }

    private ResponseEntity<ReportResponse> create(ReportKind kind, HttpServletRequest request, Authentication user)
            throws IOException, ServletException {
        Map<String, Upload> uploads = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Part part : request.getParts()) {
            String name = part.getName();
            if (name.equals(MODEL_ID) || name.equals(MODEL_VERSION)) {
                continue;
            }
            Upload upload = new Upload(name, part.getSubmittedFileName(), part.getSize(), part::getInputStream);
            if (uploads.putIfAbsent(name, upload) != null && !duplicates.contains(name)) {
                duplicates.add(name);
            }
        }
        NewReport command = new NewReport(kind, uploads, duplicates, request.getParameter(MODEL_ID),
                request.getParameter(MODEL_VERSION));
        EvidenceReport report = evidence.create(command, CurrentActor.of(user));
        return ResponseEntity.created(URI.create("/api/reports/" + report.id())).body(ReportResponse.of(report));
    }

    /** A stored report: its metadata, the inputs' hashes, the config and the report JSON as computed. */
    record ReportResponse(String id, String kind, String modelId, String modelVersionId, String createdBy,
                          Instant createdAt, String reportSha256, List<InputResponse> inputs,
                          @JsonRawValue String config, @JsonRawValue String report) {

        static ReportResponse of(EvidenceReport r) {
            ReportSummary s = r.summary();
            return new ReportResponse(s.id(), s.kind().name(), s.modelId(), s.modelVersionId(), s.createdBy(),
                    s.createdAt(), s.reportSha256(), r.inputs().stream().map(InputResponse::of).toList(),
                    r.config(), r.reportJson());
        }
    }

    record InputResponse(String part, String filename, long bytes, String sha256) {

        static InputResponse of(EvidenceInput input) {
            return new InputResponse(input.part(), input.filename(), input.bytes(), input.sha256());
        }
    }

    record SummaryResponse(String id, String kind, String modelId, String modelVersionId, String createdBy,
                           Instant createdAt, String reportSha256) {

        static SummaryResponse of(ReportSummary s) {
            return new SummaryResponse(s.id(), s.kind().name(), s.modelId(), s.modelVersionId(), s.createdBy(),
                    s.createdAt(), s.reportSha256());
        }
    }
}
