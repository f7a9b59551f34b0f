package org.modelgov.notification;

/** Where an outbox row stands with the publishers (SNS in AWS mode). */
public enum PublishStatus {
    /** No publisher is configured: the outbox itself is the delivery. */
    LOCAL,
    /** Waits for {@link NotificationRelay}, possibly after failed attempts. */
    PENDING,
    /** Every publisher took it. */
    SENT,
    /** The relay gave up after the configured number of attempts: someone must look. */
    FAILED
}
