package org.modelgov.dashboard;

import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The portfolio dashboard and the task list behind its numbers; for those who oversee the portfolio. */
@Controller
class DashboardPageController {

    private final PortfolioDashboard dashboard;

    DashboardPageController(PortfolioDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    String dashboard(Authentication user, Model model) {
        requireViewer(user);
        model.addAttribute("d", dashboard.overview());
        return "dashboard";
    }

    @GetMapping("/dashboard/tasks")
    ModelAndView tasks(@RequestParam(required = false) String overdue, Authentication user) {
        requireViewer(user);
        boolean overdueOnly;
        if (overdue == null || overdue.isBlank() || overdue.equals("false")) {
            overdueOnly = false;
        } else if (overdue.equals("true")) {
            overdueOnly = true;
        } else {
            ModelAndView error = new ModelAndView("error", HttpStatus.BAD_REQUEST);
            error.addObject("status", 400);
            error.addObject("error", "Bad Request");
            error.addObject("message", "overdue must be true or false");
            return error;
        }
        return new ModelAndView("dashboard-tasks").addObject("list", dashboard.tasks(overdueOnly));
    }

    private void requireViewer(Authentication user) {
        if (!dashboard.mayView(CurrentActor.of(user))) {
            throw new AccessDeniedToActionException("The portfolio dashboard is for compliance officers, governance"
                    + " administrators, the model risk committee and risk officers. Your own tasks are in Tasklist.");
        }
    }
}
