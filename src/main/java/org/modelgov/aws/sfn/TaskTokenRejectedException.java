package org.modelgov.aws.sfn;

/**
 * Step Functions no longer accepts a task token (TaskTimedOut, InvalidToken, TaskDoesNotExist): retrying cannot
 * help, the waiting pipeline is gone.
 */
public class TaskTokenRejectedException extends RuntimeException {

    public TaskTokenRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
