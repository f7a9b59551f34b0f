package org.modelgov.audit;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Reading the audit log and checking that nobody has tampered with it. The list is a JSON array (newest first
 * unless {@code order=oldest}); the total and the page are in the {@code X-Total-Count}, {@code X-Page} and
 * {@code X-Page-Size} headers, so existing clients of the array keep working.
 */
@RestController
@RequestMapping("/api/audit")
class AuditApiController {

    private final AuditLog log;
    private final AuditExport export;

    AuditApiController(AuditLog log, AuditExport export) {
        this.log = log;
        this.export = export;
    }

    /**
     * Events filtered by model (and everything under it), user, action and UTC days; {@code limit} is the old
     * name of {@code size}.
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<AuditEvent>> events(@RequestParam(required = false) String modelId,
                                            @RequestParam(required = false) String user,
                                            @RequestParam(required = false) String action,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String page,
                                            @RequestParam(required = false) String size,
                                            @RequestParam(required = false) String limit,
                                            @RequestParam(required = false) String order) {
        boolean legacy = size == null && limit != null;
        AuditQuery query = AuditQuery.parse(modelId, user, action, from, to, page, legacy ? limit : size,
                legacy ? "limit" : "size", order, AuditQuery.DEFAULT_SIZE);
        log.sealPending(); // the events carry their hashes
        AuditPage result = log.search(query);
        return ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(result.total()))
                .header("X-Page", Integer.toString(result.page()))
                .header("X-Page-Size", Integer.toString(result.size()))
                .body(result.events());
    }

    /** Every matching event (no paging), streamed as {@code format=csv} (the default) or {@code json}. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String modelId,
                                                 @RequestParam(required = false) String user,
                                                 @RequestParam(required = false) String action,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String order,
                                                 @RequestParam(required = false) String format) {
        AuditExport.Format chosen = AuditExport.Format.parse(format);
        AuditQuery query = AuditQuery.parse(modelId, user, action, from, to, null, null, "size", order,
                AuditQuery.DEFAULT_SIZE);
        return export.export(query, chosen);
    }

    /**
     * The chain head after sealing what is committed: a position and hash to keep outside ModelGov (a ticket, an
     * e-mail, a timestamping service), which a later auditor's export must still contain (verify.py --anchor).
     */
    @GetMapping(path = "/head", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditLog.Head head() {
        log.sealPending();
        return log.chainHead();
    }

    @GetMapping(path = "/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditLog.Verification verify() {
        return log.verify();
    }
}
