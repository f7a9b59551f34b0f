package org.modelgov.web;

import jakarta.servlet.http.HttpServletRequest;
import org.modelgov.common.InternalErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's answer to a failure no other handler claims: 500 "internal error" with a correlation id that is also
 * in the log, never the exception's message (which may quote SQL). A separate advice, ordered after Spring's own
 * handler of MVC exceptions (order 0), so a wrong method or a missing parameter keeps its 4xx answer.
 */
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@RestControllerAdvice(annotations = RestController.class)
class InternalErrorHandler {

    @ExceptionHandler(Exception.class)
    ProblemDetail internal(Exception e, HttpServletRequest request) {
        return problem(InternalErrors.logged(e, request.getMethod() + " " + request.getRequestURI()));
    }

    static ProblemDetail problem(String correlationId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                InternalErrors.message(correlationId));
        problem.setTitle("Internal error");
        problem.setProperty("correlationId", correlationId);
        return problem;
    }
}
