-- The governance lifecycle (issue 4): what a version brings for validation, the decisions people took,
-- the checks ModelGov ran, the local model registry and model cards. Same SQL on H2 2.x and PostgreSQL 15.

-- Validation inputs declared with a version. In AWS mode the security posture is read from SageMaker instead.
ALTER TABLE model_version ADD COLUMN analysis_config_uri VARCHAR(1024);
ALTER TABLE model_version ADD COLUMN reference_dataset_uri VARCHAR(1024);
ALTER TABLE model_version ADD COLUMN current_dataset_uri VARCHAR(1024);
ALTER TABLE model_version ADD COLUMN explainability_report_uri VARCHAR(1024);
ALTER TABLE model_version ADD COLUMN kms_key_id VARCHAR(2048);
ALTER TABLE model_version ADD COLUMN network_isolation BOOLEAN;
ALTER TABLE model_version ADD COLUMN vpc_configured BOOLEAN;
ALTER TABLE model_version ADD COLUMN data_capture BOOLEAN;
ALTER TABLE model_version ADD COLUMN inter_container_encryption BOOLEAN;

-- Every decision a person took in the lifecycle (questionnaire, tier review, validation reviews, sign-off,
-- reassessment). Segregation of duties reads it: who validated may not sign off, approvers must differ.
CREATE TABLE review_decision (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    version_id  VARCHAR(80)   NOT NULL REFERENCES model_version (id),
    kind        VARCHAR(40)   NOT NULL,
    -- the check run (validation round) the decision is about, when there is one
    basis       VARCHAR(36),
    actor       VARCHAR(64)   NOT NULL,
    decision    VARCHAR(20)   NOT NULL,
    comment     VARCHAR(4000),
    details     TEXT,
    task_id     VARCHAR(64),
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_review_decision_version ON review_decision (version_id, kind, decided_at);

-- One round of automated checks: a validation round or a reassessment's evidence gathering.
CREATE TABLE check_run (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    version_id   VARCHAR(80)  NOT NULL REFERENCES model_version (id),
    purpose      VARCHAR(20)  NOT NULL,
    round_no     INTEGER      NOT NULL,
    risk_tier    VARCHAR(20)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    concluded_at TIMESTAMP WITH TIME ZONE,
    outcome      VARCHAR(20)
);
CREATE INDEX ix_check_run_version ON check_run (version_id, started_at);

CREATE TABLE check_finding (
    run_id             VARCHAR(36)   NOT NULL REFERENCES check_run (id),
    finding_no         INTEGER       NOT NULL,
    area               VARCHAR(20)   NOT NULL,
    check_name         VARCHAR(64)   NOT NULL,
    level              VARCHAR(10)   NOT NULL,
    message            VARCHAR(2000) NOT NULL,
    -- the measured value, when the check measured one (performance baselines are read back from here)
    metric_value       DOUBLE PRECISION,
    evidence_report_id VARCHAR(36),
    PRIMARY KEY (run_id, finding_no)
);

-- The local model registry (modelgov.integration=local): approval status per version, as SageMaker keeps it.
CREATE TABLE registry_entry (
    version_id           VARCHAR(80)   NOT NULL PRIMARY KEY REFERENCES model_version (id),
    approval_status      VARCHAR(30)   NOT NULL,
    approval_description VARCHAR(1024),
    stage                VARCHAR(30),
    stage_status         VARCHAR(30),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Model cards kept locally: content (SageMaker model card schema) and status, revised with each change.
CREATE TABLE model_card (
    version_id    VARCHAR(80)  NOT NULL PRIMARY KEY REFERENCES model_version (id),
    status        VARCHAR(20)  NOT NULL,
    content       TEXT         NOT NULL,
    card_revision INTEGER      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
