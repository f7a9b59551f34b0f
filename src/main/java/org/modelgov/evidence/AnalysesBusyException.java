package org.modelgov.evidence;

import java.time.Duration;

/** Every report analysis slot is taken: the client should try again after {@link #retryAfter()}. */
public class AnalysesBusyException extends RuntimeException {

    private final Duration retryAfter;

    AnalysesBusyException(Duration retryAfter) {
        super("The server is computing as many reports as it can at once; try again in "
                + retryAfter.toSeconds() + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
