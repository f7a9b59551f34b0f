-- Compliance scope (issue 15): which jurisdictions and sector rules a model falls under. Tier and use area come
-- from the lifecycle's own records; these flags are a compliance officer's decision, kept per model. A model
-- without a row has the defaults (EU AI Act in scope, NYC employment and US bank guidance out of scope).
CREATE TABLE compliance_scope (
    model_id       VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES model (id),
    eu             BOOLEAN       NOT NULL,
    nyc_employment BOOLEAN       NOT NULL,
    us_bank        BOOLEAN       NOT NULL,
    note           VARCHAR(2000),
    updated_by     VARCHAR(64)   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
