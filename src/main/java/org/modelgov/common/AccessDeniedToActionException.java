package org.modelgov.common;

/** The logged-in user may not do this (a segregation-of-duties or role rule). Maps to HTTP 403. */
public class AccessDeniedToActionException extends RuntimeException {

    public AccessDeniedToActionException(String message) {
        super(message);
    }
}
