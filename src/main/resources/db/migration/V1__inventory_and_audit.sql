-- ModelGov's own schema. Runs unchanged on H2 2.x and PostgreSQL 15: plain SQL types only.

-- The model inventory: one row per governed model.
CREATE TABLE model (
    id                     VARCHAR(64)   NOT NULL PRIMARY KEY,
    name                   VARCHAR(200)  NOT NULL,
    purpose                VARCHAR(2000) NOT NULL,
    risk_tier              VARCHAR(20)   NOT NULL,
    owner                  VARCHAR(64)   NOT NULL,
    owner_team             VARCHAR(200),
    endpoint_name          VARCHAR(63),
    model_package_arn      VARCHAR(2048),
    intended_use           VARCHAR(4000),
    evaluation_dataset_uri VARCHAR(1024),
    status                 VARCHAR(20)   NOT NULL,
    next_review_due        DATE,
    -- lower-cased id, name, purpose and team, for the inventory's free-text filter
    search_text            VARCHAR(2600) NOT NULL,
    created_by             VARCHAR(64)   NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version            BIGINT        NOT NULL
);

-- the inventory filters and sorts on these; each stays an index scan at 100,000 models
CREATE INDEX ix_model_risk_tier ON model (risk_tier, id);
CREATE INDEX ix_model_status ON model (status, id);
CREATE INDEX ix_model_owner ON model (owner, id);
CREATE INDEX ix_model_updated_at ON model (updated_at);
CREATE INDEX ix_model_next_review_due ON model (next_review_due);
CREATE INDEX ix_model_name ON model (name);

-- Versions of a model; the lifecycle runs once per version (business key = version id).
CREATE TABLE model_version (
    id                     VARCHAR(80)   NOT NULL PRIMARY KEY,
    model_id               VARCHAR(64)   NOT NULL REFERENCES model (id),
    version_number         INTEGER       NOT NULL,
    label                  VARCHAR(64),
    description            VARCHAR(4000),
    model_package_arn      VARCHAR(2048),
    artifact_uri           VARCHAR(1024),
    evaluation_dataset_uri VARCHAR(1024),
    status                 VARCHAR(20)   NOT NULL,
    registered_by          VARCHAR(64)   NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_model_version_number UNIQUE (model_id, version_number),
    CONSTRAINT uq_model_version_label UNIQUE (model_id, label)
);

-- Append-only, hash-chained audit log: each event's hash covers its content and the previous hash,
-- so a deleted or edited row breaks the chain (GET /api/audit/verification).
CREATE TABLE audit_event (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    entity_type  VARCHAR(32)   NOT NULL,
    entity_id    VARCHAR(128)  NOT NULL,
    details      VARCHAR(16000) NOT NULL,
    prev_hash    VARCHAR(64)   NOT NULL,
    hash         VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_audit_entity ON audit_event (entity_type, entity_id, seq);

-- One row that every writer locks (SELECT ... FOR UPDATE) so the chain stays linear across nodes.
CREATE TABLE audit_chain_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
