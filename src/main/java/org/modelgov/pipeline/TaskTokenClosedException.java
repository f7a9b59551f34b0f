package org.modelgov.pipeline;

/**
 * The pipeline no longer waits on this task token: it was answered (possibly by an earlier attempt of the same
 * step, whose record was lost), timed out, or never was a token.
 */
public class TaskTokenClosedException extends RuntimeException {

    public TaskTokenClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
