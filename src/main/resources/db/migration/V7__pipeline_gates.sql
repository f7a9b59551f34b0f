-- Step Functions governance gates: a state machine waiting with a task token (.waitForTaskToken) for
-- ModelGov's decision on a model package. Answered once, when the version's lifecycle decides.
CREATE TABLE pipeline_gate (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    task_token        VARCHAR(2048) NOT NULL,
    model_package_arn VARCHAR(2048) NOT NULL,
    version_id        VARCHAR(80)   NOT NULL REFERENCES model_version (id),
    registered_by     VARCHAR(64)   NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at       TIMESTAMP WITH TIME ZONE,
    outcome           VARCHAR(20),
    last_heartbeat_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_pipeline_gate_version ON pipeline_gate (version_id, answered_at);
