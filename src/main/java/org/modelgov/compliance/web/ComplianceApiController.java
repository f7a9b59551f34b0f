package org.modelgov.compliance.web;

import java.util.Map;
import org.modelgov.compliance.ComplianceReport;
import org.modelgov.compliance.ComplianceScope;
import org.modelgov.compliance.ComplianceService;
import org.modelgov.security.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The compliance report as JSON, and a model's compliance scope (set by compliance officers and admins). */
@RestController
class ComplianceApiController {

    private final ComplianceService compliance;

    ComplianceApiController(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/api/models/{id}/compliance-report")
    ComplianceReport report(@PathVariable String id) {
        return compliance.report(id);
    }

    @GetMapping("/api/models/{id}/compliance-scope")
    ComplianceScope scope(@PathVariable String id) {
        return compliance.scope(id);
    }

    @PutMapping("/api/models/{id}/compliance-scope")
    ComplianceScope setScope(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication user) {
        return compliance.setScope(id, body, CurrentActor.of(user));
    }
}
