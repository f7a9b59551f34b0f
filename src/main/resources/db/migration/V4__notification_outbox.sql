-- The local notification adapter's outbox: every notification ModelGov sends, as it would go to SNS.
-- The deduplication key makes sending idempotent (a retried job or a repeated event sends once).
CREATE TABLE notification_outbox (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    deduplication_key VARCHAR(200)  NOT NULL,
    event_type        VARCHAR(64)   NOT NULL,
    subject           VARCHAR(200)  NOT NULL,
    body              VARCHAR(4000) NOT NULL,
    recipient_groups  VARCHAR(1000),
    recipient_users   VARCHAR(1000),
    model_id          VARCHAR(64),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_notification_dedup UNIQUE (deduplication_key)
);
CREATE INDEX ix_notification_created_at ON notification_outbox (created_at);
CREATE INDEX ix_notification_model ON notification_outbox (model_id, created_at);
