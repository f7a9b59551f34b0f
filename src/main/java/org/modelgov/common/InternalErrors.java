package org.modelgov.common;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that is ModelGov's, not the caller's: logged once at ERROR under a random correlation id, and
 * answered with that id only, so no SQL, stack trace or class name reaches the caller.
 */
public final class InternalErrors {

    private static final Logger log = LoggerFactory.getLogger(InternalErrors.class);

    private InternalErrors() {
    }

    /** Logs the failure (may be null) with what was being done and returns the new correlation id. */
    public static String logged(Throwable failure, String during) {
        String id = UUID.randomUUID().toString();
        log.error("Internal error, correlation id {}, during {}", id, during, failure);
        return id;
    }

    /** What the caller is told. */
    public static String message(String correlationId) {
        return "internal error (correlation id " + correlationId + ")";
    }
}
