package org.modelgov.review;

import java.time.Instant;
import java.util.Map;

/**
 * One decision a person took in a lifecycle, as recorded.
 *
 * @param basis   the check run (validation round) the decision is about, or null
 * @param details what the decision was based on and any further answers (tier suggested, evidence ids, ...)
 */
public record ReviewDecision(String id, String versionId, ReviewKind kind, String basis, String actor, String decision,
                             String comment, Map<String, Object> details, String taskId, Instant decidedAt) {

    public ReviewDecision {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
