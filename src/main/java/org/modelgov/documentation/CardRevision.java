package org.modelgov.documentation;

import java.time.Instant;

/**
 * One kept revision of a version's model card: each change of content or status appends one.
 *
 * @param kind CONTENT or STATUS (what this revision changed), BACKFILL for a card kept before history began
 */
public record CardRevision(String versionId, int revision, ModelCardStatus status, String content, String kind,
                           Instant writtenAt, String writtenBy, String step) {
}
