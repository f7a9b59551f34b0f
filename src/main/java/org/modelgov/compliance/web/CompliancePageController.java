package org.modelgov.compliance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.common.InvalidInputException;
import org.modelgov.compliance.ComplianceDocuments;
import org.modelgov.compliance.ComplianceReport;
import org.modelgov.compliance.ComplianceService;
import org.modelgov.compliance.FrameworkCatalog;
import org.modelgov.security.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A model's compliance page and PDF (every logged-in user, like the model page); the scope form for officers. */
@Controller
class CompliancePageController {

    private final ComplianceService compliance;
    private final ComplianceDocuments documents;
    private final FrameworkCatalog catalog;

    CompliancePageController(ComplianceService compliance, ComplianceDocuments documents, FrameworkCatalog catalog) {
        this.compliance = compliance;
        this.documents = documents;
        this.catalog = catalog;
    }

    @GetMapping("/models/{id}/compliance")
    String page(@PathVariable String id, Authentication user, Model model) {
        fill(model, id, user);
        return "models/compliance";
    }

    @GetMapping("/models/{id}/compliance.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        ComplianceReport report = compliance.report(id);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("compliance-report-" + id + ".pdf").build().toString())
                .body(documents.pdf(report, base));
    }

    @PostMapping("/models/{id}/compliance-scope")
    String setScope(@PathVariable String id, @RequestParam(required = false) String eu,
                    @RequestParam(required = false) String nycEmployment, @RequestParam(required = false) String usBank,
                    @RequestParam(required = false) String note, Authentication user, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        // a checkbox sends its value when ticked and nothing when not
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eu", eu != null);
        body.put("nycEmployment", nycEmployment != null);
        body.put("usBank", usBank != null);
        body.put("note", note);
        try {
            compliance.setScope(id, body, CurrentActor.of(user));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            fill(model, id, user);
            model.addAttribute("scopeErrors", e.violations());
            return "models/compliance";
        }
        redirect.addFlashAttribute("message", "Compliance scope of " + id + " saved.");
        return "redirect:/models/{id}/compliance";
    }

    private void fill(Model model, String id, Authentication user) {
        ComplianceReport report = compliance.report(id);
        model.addAttribute("report", report);
        model.addAttribute("maySetScope", compliance.maySetScope(CurrentActor.of(user)));
        model.addAttribute("frameworkLocation", catalog.location());
        if (!model.containsAttribute("scopeErrors")) {
            model.addAttribute("scopeErrors", List.of());
        }
    }
}
