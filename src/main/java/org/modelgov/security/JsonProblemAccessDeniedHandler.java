package org.modelgov.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 403 for the API, as a JSON problem saying what was refused and which roles may do it. */
@Component
class JsonProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String who = request.getUserPrincipal() == null ? "You" : request.getUserPrincipal().getName();
        String path = SecurityConfig.pathOf(request);
        String rule;
        if (path.startsWith("/actuator")) {
            rule = "metrics and the other operations endpoints are for governance-admins and camunda-admin";
        } else if (path.startsWith("/api/reports")) {
            rule = "creating evidence reports is for validators, ethics-reviewers, risk-officers, model-owners and"
                    + " governance-admins";
        } else {
            rule = "registering and changing models is for model-owners, risk-officers and governance-admins";
        }
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                who + " may not " + request.getMethod() + " " + request.getRequestURI()
                        + ": your roles do not allow it (" + rule + ")");
    }
}
