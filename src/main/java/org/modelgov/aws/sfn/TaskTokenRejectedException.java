package org.modelgov.aws.sfn;

/**
 * Step Functions no longer accepts a task token (TaskTimedOut, InvalidToken, TaskDoesNotExist): retrying cannot
 * help, the waiting pipeline is gone.
 */
public class TaskTokenRejectedException extends org.modelgov.pipeline.TaskTokenClosedException {

    public TaskTokenRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
