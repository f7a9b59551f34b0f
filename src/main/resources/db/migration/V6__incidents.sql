-- Incident response (issue 6): incidents with their occurrences, and the local deployment control
-- (traffic weights per endpoint variant, and each break-glass containment with the weights it replaced).

CREATE TABLE incident (
    id                  VARCHAR(40)   NOT NULL PRIMARY KEY,
    model_id            VARCHAR(64)   NOT NULL REFERENCES model (id),
    version_id          VARCHAR(80),
    incident_type       VARCHAR(30)   NOT NULL,
    description         VARCHAR(4000) NOT NULL,
    reporter            VARCHAR(64)   NOT NULL,
    source              VARCHAR(20)   NOT NULL,
    -- the alarm (or other system) that raised it; the same alarm again while open is an occurrence
    external_id         VARCHAR(512),
    exercise            BOOLEAN       NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    severity            VARCHAR(10),
    serious             BOOLEAN,
    serious_kind        VARCHAR(40),
    model_status_before VARCHAR(20)   NOT NULL,
    root_cause          VARCHAR(4000),
    affected_population VARCHAR(2000),
    remediation         VARCHAR(20),
    remediation_notes   VARCHAR(4000),
    report_reference    VARCHAR(200),
    lessons_learned     VARCHAR(4000),
    occurrences         INTEGER       NOT NULL,
    aware_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    triaged_at          TIMESTAMP WITH TIME ZONE,
    contained_at        TIMESTAMP WITH TIME ZONE,
    resolved_at         TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    report_due_at       TIMESTAMP WITH TIME ZONE,
    report_filed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_incident_model ON incident (model_id, aware_at);
CREATE INDEX ix_incident_open_external ON incident (model_id, external_id, status);

CREATE TABLE incident_occurrence (
    incident_id VARCHAR(40)   NOT NULL REFERENCES incident (id),
    occurrence  INTEGER       NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source      VARCHAR(20)   NOT NULL,
    detail      VARCHAR(4000),
    PRIMARY KEY (incident_id, occurrence)
);

-- Local deployment control: the share of an endpoint's traffic each variant gets.
CREATE TABLE endpoint_traffic (
    endpoint_name VARCHAR(63)  NOT NULL,
    variant_name  VARCHAR(63)  NOT NULL,
    weight        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (endpoint_name, variant_name)
);

-- Each break-glass: what traffic looked like before, so it can be undone exactly.
CREATE TABLE containment (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    endpoint_name    VARCHAR(63)  NOT NULL,
    incident_id      VARCHAR(40),
    previous_weights VARCHAR(2000) NOT NULL,
    applied_weights  VARCHAR(2000) NOT NULL,
    dry_run          BOOLEAN      NOT NULL,
    applied_by       VARCHAR(64)  NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    applied_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    undone_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_containment_endpoint ON containment (endpoint_name, applied_at);
