package org.modelgov.incident.web;

import org.modelgov.incident.IncidentService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The incidents as a page, with their measures. */
@Controller
class IncidentPageController {

    private static final int ROWS = 200;

    private final IncidentService incidents;

    IncidentPageController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/incidents")
    String incidents(Model model) {
        model.addAttribute("incidents", incidents.list(null, null, ROWS));
        return "incidents";
    }
}
