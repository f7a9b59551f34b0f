package org.modelgov.review;

/**
 * A completion (or claim) of a lifecycle task that the governance rules do not allow. The engine
 * refuses it as a whole: the task stays open and nothing is recorded.
 */
public class ReviewRefusedException extends RuntimeException {

    public ReviewRefusedException(String message) {
        super(message);
    }
}
