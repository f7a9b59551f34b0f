package org.modelgov.review;

import java.util.List;

/** Port: where decisions are kept. */
public interface ReviewDecisionRepository {

    void insert(ReviewDecision decision);

    /** Decisions of a kind on a version, oldest first; {@code basis} null means any. */
    List<ReviewDecision> find(String versionId, ReviewKind kind, String basis);

    List<ReviewDecision> forVersion(String versionId);
}
