package org.modelgov.common;

/** The request clashes with what exists (a duplicate id, a concurrent change). Maps to HTTP 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
