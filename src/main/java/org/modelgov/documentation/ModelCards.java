package org.modelgov.documentation;

import java.util.List;
import java.util.Optional;

/**
 * Port: where model cards live (SageMaker CreateModelCard / UpdateModelCard in AWS mode, a table locally).
 * Content and status are set by separate calls, as SageMaker requires. Every change is kept as a revision in
 * ModelGov's database, in both modes.
 */
public interface ModelCards {

    Optional<ModelCard> find(String versionId);

    /** Creates the card as a Draft, or writes new content to it (a new revision). */
    void saveContent(String versionId, String content, CardChange change);

    /** Moves the card to {@code status} (a new revision, unless it already has that status). */
    void setStatus(String versionId, ModelCardStatus status, CardChange change);

    /** Every kept revision of the version's card, oldest first; empty when it has no card. */
    List<CardRevision> revisions(String versionId);

    Optional<CardRevision> revision(String versionId, int revision);

    default void saveContent(String versionId, String content) {
        saveContent(versionId, content, CardChange.UNKNOWN);
    }

    default void setStatus(String versionId, ModelCardStatus status) {
        setStatus(versionId, status, CardChange.UNKNOWN);
    }
}
