package org.modelgov.evidence.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.net.URI;
import java.time.Instant;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.security.CurrentActor;
import org.modelgov.validation.PersonalDataScans;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scans a version's datasets for personal data now: 201 with the stored evidence report (Location: the report).
 * Who may is decided by {@link PersonalDataScans#scanOnDemand}.
 */
@RestController
@RequestMapping(path = "/api/models", produces = MediaType.APPLICATION_JSON_VALUE)
class PersonalDataScanApiController {

    private final PersonalDataScans scans;

    PersonalDataScanApiController(PersonalDataScans scans) {
        this.scans = scans;
    }

    @PostMapping("/{id}/versions/{number}/personal-data-scans")
    ResponseEntity<ScanResponse> scan(@PathVariable String id, @PathVariable String number, Authentication user) {
        PersonalDataScans.Scan scan = scans.scanOnDemand(id, number, CurrentActor.of(user));
        return ResponseEntity.created(URI.create("/api/reports/" + scan.reportId())).body(ScanResponse.of(scan));
    }

    /** The stored report's metadata and its JSON as computed (findings per dataset; no value in it). */
    record ScanResponse(String id, String kind, String modelId, String modelVersionId, String createdBy,
                        Instant createdAt, String reportSha256, String found, int datasets,
                        @JsonRawValue String report) {

        static ScanResponse of(PersonalDataScans.Scan scan) {
            ReportSummary s = scan.report().summary();
            return new ScanResponse(s.id(), s.kind().name(), s.modelId(), s.modelVersionId(), s.createdBy(),
                    s.createdAt(), s.reportSha256(), scan.found(), scan.datasets(), scan.report().reportJson());
        }
    }
}
