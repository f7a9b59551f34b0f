-- Evidence: metrics reports (bias, performance, drift) computed by ModelGov, kept for auditors.
-- Runs unchanged on H2 2.x and PostgreSQL 15. TEXT is a CLOB on H2 and unbounded text on PostgreSQL:
-- a report is often hundreds of KB, beyond any VARCHAR length both databases accept.
CREATE TABLE evidence_report (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind             VARCHAR(20)  NOT NULL,
    -- the inventory model (and version) the evidence is about; both optional
    model_id         VARCHAR(64)  REFERENCES model (id),
    model_version_id VARCHAR(80)  REFERENCES model_version (id),
    created_by       VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the config JSON as uploaded; null when drift ran on its defaults
    config           TEXT,
    -- the report JSON as computed (Clarify's analysis.json for bias) and the SHA-256 of its UTF-8 bytes
    report           TEXT         NOT NULL,
    report_sha256    VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_evidence_report_model ON evidence_report (model_id, created_at);
CREATE INDEX ix_evidence_report_created_at ON evidence_report (created_at);

-- Each uploaded input (data, config, reference, current) with its size and the SHA-256 of its exact
-- bytes, so an auditor can later check that a file is the one the report was computed from.
CREATE TABLE evidence_report_input (
    report_id  VARCHAR(36)  NOT NULL REFERENCES evidence_report (id),
    input_no   INTEGER      NOT NULL,
    part       VARCHAR(20)  NOT NULL,
    filename   VARCHAR(255),
    size_bytes BIGINT       NOT NULL,
    sha256     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (report_id, input_no)
);
