package org.modelgov.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Problems with a request body as such: an unsupported content type, a multipart upload that is too
 * large or unreadable. These arise before a controller is chosen, so this advice applies to every
 * handler ({@link ApiExceptionHandler} only to REST controllers, which are not known yet).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class RequestBodyExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyExceptionHandler.class);

    private final MultipartProperties limits;

    RequestBodyExceptionHandler(MultipartProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        List<MediaType> supported = e.getSupportedMediaTypes();
        String expected = supported.isEmpty() ? "application/json"
                : String.join(" or ", supported.stream().map(MediaType::toString).toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as " + expected);
        problem.setTitle("Unsupported media type");
        return problem;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The upload is too large: each file may have at most " + size(limits.getMaxFileSize())
                        + " and the whole request at most " + size(limits.getMaxRequestSize())
                        + ". Sample the data set, or ask an administrator to raise"
                        + " spring.servlet.multipart.max-file-size / max-request-size");
        problem.setTitle("Payload too large");
        return problem;
    }

    private static String size(DataSize size) {
        return size.toBytes() >= 1 << 20 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        log.info("Unreadable multipart request: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The multipart/form-data body could not be read; send the files as multipart/form-data parts"
                        + " (curl -F data=@file.csv)");
        problem.setTitle("Malformed multipart request");
        return problem;
    }
}
