package org.modelgov.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 for the API: a Basic challenge and a JSON problem saying how to log in. */
@Component
class JsonProblemEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"ModelGov\", charset=\"UTF-8\"");
        ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "Log in with HTTP Basic (a ModelGov / Camunda user and password)"
                        + (request.getHeader("Authorization") != null ? ": the credentials were not accepted" : ""));
    }
}
