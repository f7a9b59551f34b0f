package org.modelgov.web;

import java.util.List;
import java.util.Map;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.ConflictException;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.JsonParserMessages;
import org.modelgov.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns what went wrong in an API call into an RFC 9457 problem. A 400 lists every invalid field in
 * {@code errors}: [{field, message}].
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return badRequest(e.violations());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // Spring's own message (no parser cause: an empty body) names the controller method; Jackson's says what
        // is wrong, also beyond the parser's limits (nesting depth, string length)
        Throwable parser = e.getMostSpecificCause();
        String reason = JsonParserMessages.reason(parser == e ? null : parser.getMessage());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                "The request body is not valid JSON: " + reason);
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "is not valid JSON")));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldViolation(e.getName(), "has an invalid value '" + e.getValue() + "'")));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "Conflict", "Someone else changed this at the same time; read it again and retry");
    }

    @ExceptionHandler(AccessDeniedToActionException.class)
    ProblemDetail forbidden(AccessDeniedToActionException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail badRequest(List<FieldViolation> violations) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input",
                violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid");
        problem.setProperty("errors", violations);
        return problem;
    }
}
