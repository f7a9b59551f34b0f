package org.modelgov.aws.sfn;

/** An execution with the business key's name exists with a different input: starting again would not be a retry. */
public class ExecutionConflictException extends RuntimeException {

    public ExecutionConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
