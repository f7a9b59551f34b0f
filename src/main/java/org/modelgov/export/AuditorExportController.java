package org.modelgov.export;

import org.modelgov.security.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/models/{id}/auditor-export}: the model's auditor's export as a ZIP download. Checks happen before
 * the first byte (403, 404 as JSON problems); the ZIP is then streamed. The model page links here (a GET accepts
 * the pages' login).
 */
@RestController
class AuditorExportController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final AuditorExports exports;

    AuditorExportController(AuditorExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/models/{id}/auditor-export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id, Authentication user) {
        AuditorExports.Prepared prepared = exports.prepare(id, CurrentActor.of(user));
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(prepared.filename()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> exports.write(prepared, out));
    }
}
