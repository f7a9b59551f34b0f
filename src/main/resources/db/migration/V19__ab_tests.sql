-- Issue 16: the champion/challenger (A/B) stage of the lifecycle. One row each time an approved version reaches the
-- stage: what the policy (DMN ChallengerPolicy) asked, which variants were compared, the window, the outcome and,
-- for a comparison, the evidence report that holds it. outcome is null while the test runs; at most one test of a
-- version runs at a time (the stage's steps look it up by version).
CREATE TABLE ab_test (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    version_id         VARCHAR(80)   NOT NULL REFERENCES model_version (id),
    model_id           VARCHAR(64)   NOT NULL REFERENCES model (id),
    -- null when the model has no endpoint (the stage is then skipped)
    endpoint_name      VARCHAR(63),
    champion_variant   VARCHAR(63),
    challenger_variant VARCHAR(63),
    challenger_share   DOUBLE PRECISION NOT NULL,
    -- the ComparisonPolicy the stage ran under, as JSON (the DMN table may change later)
    policy             TEXT          NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set when the traffic split starts; the window timer waits until window_ends_at
    started_at         TIMESTAMP WITH TIME ZONE,
    window_ends_at     TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE,
    outcome            VARCHAR(20),
    outcome_reason     VARCHAR(2000),
    stopped_by         VARCHAR(64),
    stop_reason        VARCHAR(2000),
    stop_requested_at  TIMESTAMP WITH TIME ZONE,
    evidence_report_id VARCHAR(36)   REFERENCES evidence_report (id),
    promoted_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_ab_test_version ON ab_test (version_id, decided_at);
CREATE INDEX ix_ab_test_model ON ab_test (model_id, decided_at);
