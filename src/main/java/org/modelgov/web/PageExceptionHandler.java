package org.modelgov.web;

import jakarta.servlet.http.HttpServletRequest;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.InternalErrors;
import org.modelgov.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Friendly error pages for ModelGov's own pages (the API answers with JSON problems instead). */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedToActionException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView forbidden(AccessDeniedToActionException e) {
        return page(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** Anything else is ModelGov's failure: the page shows a correlation id, the log has the rest. */
    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ModelAndView internal(Exception e, HttpServletRequest request) {
        String id = InternalErrors.logged(e, request.getMethod() + " " + request.getRequestURI());
        ModelAndView view = page(HttpStatus.INTERNAL_SERVER_ERROR, InternalErrors.message(id));
        view.addObject("correlationId", id);
        return view;
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status.value());
        view.addObject("error", status.getReasonPhrase());
        view.addObject("message", message);
        return view;
    }
}
