package org.modelgov.documentation;

import java.time.Instant;

/** A version's model card: content in the SageMaker model card JSON schema, and its status. */
public record ModelCard(String versionId, ModelCardStatus status, String content, int revision, Instant updatedAt) {
}
