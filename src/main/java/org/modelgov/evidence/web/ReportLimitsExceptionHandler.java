package org.modelgov.evidence.web;

import java.util.List;
import org.modelgov.common.FieldViolation;
import org.modelgov.evidence.AnalysesBusyException;
import org.modelgov.evidence.DataLimitException;
import org.modelgov.fairness.data.CsvLimitExceededException.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The report API's answers to inputs beyond the data set caps (413 for a file's size, 400 for a record,
 * field or column count) and to a full analysis executor (503 with {@code Retry-After}). Only these
 * exception types; first, so that no catch-all elsewhere turns them into a 500.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {ReportApiController.class, PersonalDataScanApiController.class})
class ReportLimitsExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReportLimitsExceptionHandler.class);

    @ExceptionHandler(DataLimitException.class)
    ProblemDetail overLimit(DataLimitException e) {
        boolean tooLarge = e.limit() == Limit.TOTAL_BYTES;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(tooLarge ? "Data set too large" : "Data set over a limit");
        problem.setProperty("part", e.part());
        problem.setProperty("limit", e.limit().name());
        if (e.row() != null) {
            problem.setProperty("row", e.row());
        }
        if (e.column() != null) {
            problem.setProperty("column", e.column());
        }
        problem.setProperty("errors", List.of(new FieldViolation(e.part(), e.reason())));
        return problem;
    }

    @ExceptionHandler(AnalysesBusyException.class)
    ResponseEntity<ProblemDetail> busy(AnalysesBusyException e) {
        log.info("Report analysis refused: every slot is taken");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }
}
