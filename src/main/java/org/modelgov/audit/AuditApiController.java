package org.modelgov.audit;

import java.util.List;
import org.modelgov.common.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the audit log and checking that nobody has tampered with it. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditApiController {

    private static final int MAX_LATEST = 500;

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    /** Events about one model and its versions, or the latest events of all. */
    @GetMapping
    List<AuditEvent> events(@RequestParam(required = false) String modelId,
                            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LATEST) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LATEST);
        }
        return modelId == null || modelId.isBlank() ? log.latest(limit) : log.forModel(modelId.trim());
    }

    @GetMapping("/verification")
    AuditLog.Verification verify() {
        return log.verify();
    }
}
