package org.modelgov.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit trail page: the same filters, paging and exports as {@code /api/audit}, on the page's session (a
 * link to the API would ask the browser for HTTP Basic credentials). Every logged-in user may read it, as before.
 */
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final AuditExport export;
    private final ObjectMapper json;

    AuditPageController(AuditLog log, AuditExport export, ObjectMapper json) {
        this.log = log;
        this.export = export;
        this.json = json;
    }

    @GetMapping("/audit")
    ModelAndView auditTrail(@RequestParam(required = false) String modelId,
                            @RequestParam(required = false) String user,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) String page,
                            @RequestParam(required = false) String size) {
        ModelAndView view = new ModelAndView("audit");
        view.addObject("verification", log.verify());
        try {
            AuditQuery query = AuditQuery.parse(modelId, user, action, from, to, page, size, "size", null,
                    PAGE_SIZE);
            AuditPage result = log.search(query);
            view.addObject("query", query);
            view.addObject("result", result);
            view.addObject("events", result.events().stream().map(e -> AuditEventView.of(e, json)).toList());
            view.addObject("filterErrors", List.of());
        } catch (InvalidInputException e) {
            // the page still shows the filters, with what was wrong, and answers 400 like the API
            view.setStatus(HttpStatus.BAD_REQUEST);
            view.addObject("query", null);
            view.addObject("result", null);
            view.addObject("events", List.of());
            view.addObject("filterErrors", e.violations());
        }
        return view;
    }

    /** The page's export links: the filters shown, every matching row, on the page's session. */
    @GetMapping("/audit/export")
    ResponseEntity<StreamingResponseBody> exportTrail(@RequestParam(required = false) String modelId,
                                                      @RequestParam(required = false) String user,
                                                      @RequestParam(required = false) String action,
                                                      @RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(required = false) String format) {
        try {
            AuditExport.Format chosen = AuditExport.Format.parse(format);
            return export.export(AuditQuery.parse(modelId, user, action, from, to, null, null, "size", null,
                    PAGE_SIZE), chosen);
        } catch (InvalidInputException e) {
            StringBuilder text = new StringBuilder("The export was not made:\n");
            for (FieldViolation v : e.violations()) {
                text.append("- ").append(v.field()).append(' ').append(v.message()).append('\n');
            }
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(out -> out.write(body));
        }
    }
}
