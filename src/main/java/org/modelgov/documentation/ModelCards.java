package org.modelgov.documentation;

import java.util.Optional;

/**
 * Port: where model cards live (SageMaker CreateModelCard / UpdateModelCard in AWS mode, a table locally).
 * Content and status are set by separate calls, as SageMaker requires.
 */
public interface ModelCards {

    Optional<ModelCard> find(String versionId);

    /** Creates the card as a Draft, or writes new content to it (a new revision). */
    void saveContent(String versionId, String content);

    void setStatus(String versionId, ModelCardStatus status);
}
