package org.modelgov.documentation;

/** SageMaker's ModelCardStatus values, in lifecycle order. */
public enum ModelCardStatus {
    Draft, PendingReview, Approved, Archived
}
