-- GuardDuty findings as security incidents (issue 16). Three tables:
--  model_version_bucket: the S3 buckets each version's URIs name (artifact, evaluation, reference and current
--    datasets, analysis config, explainability report), kept with the version row so a finding on a bucket finds
--    its models by index instead of by scanning every URI.
--  model_aws_resource: AWS resources an owner or administrator declares for a model that the inventory cannot
--    derive, above all the SageMaker execution role GuardDuty names in AccessKeyDetails.
--  guardduty_finding: the finding behind each security incident it opened: GuardDuty's severity and the one
--    GuardDutySeverity suggested for triage (a domain fact, not a process variable), its count and last update.

CREATE TABLE model_version_bucket (
    version_id VARCHAR(80)  NOT NULL REFERENCES model_version (id),
    model_id   VARCHAR(64)  NOT NULL REFERENCES model (id),
    bucket     VARCHAR(63)  NOT NULL,
    PRIMARY KEY (version_id, bucket)
);
CREATE INDEX ix_model_version_bucket ON model_version_bucket (bucket, model_id);
CREATE INDEX ix_model_version_bucket_model ON model_version_bucket (model_id, bucket);

-- the versions registered before this migration: the bucket of every s3:// URI they name
INSERT INTO model_version_bucket (version_id, model_id, bucket)
SELECT DISTINCT version_id, model_id,
       CASE WHEN POSITION('/' IN rest) > 0 THEN SUBSTRING(rest FROM 1 FOR POSITION('/' IN rest) - 1) ELSE rest END
FROM (
    SELECT id AS version_id, model_id, SUBSTRING(artifact_uri FROM 6) AS rest FROM model_version
        WHERE artifact_uri LIKE 's3://_%'
    UNION ALL SELECT id, model_id, SUBSTRING(evaluation_dataset_uri FROM 6) FROM model_version
        WHERE evaluation_dataset_uri LIKE 's3://_%'
    UNION ALL SELECT id, model_id, SUBSTRING(analysis_config_uri FROM 6) FROM model_version
        WHERE analysis_config_uri LIKE 's3://_%'
    UNION ALL SELECT id, model_id, SUBSTRING(reference_dataset_uri FROM 6) FROM model_version
        WHERE reference_dataset_uri LIKE 's3://_%'
    UNION ALL SELECT id, model_id, SUBSTRING(current_dataset_uri FROM 6) FROM model_version
        WHERE current_dataset_uri LIKE 's3://_%'
    UNION ALL SELECT id, model_id, SUBSTRING(explainability_report_uri FROM 6) FROM model_version
        WHERE explainability_report_uri LIKE 's3://_%'
) uris
WHERE rest NOT LIKE '/%' AND CHAR_LENGTH(rest) > 0
  AND CHAR_LENGTH(CASE WHEN POSITION('/' IN rest) > 0 THEN SUBSTRING(rest FROM 1 FOR POSITION('/' IN rest) - 1)
                       ELSE rest END) BETWEEN 3 AND 63;

CREATE TABLE model_aws_resource (
    model_id    VARCHAR(64)  NOT NULL REFERENCES model (id),
    -- EXECUTION_ROLE (an IAM role name) or BUCKET (an S3 bucket name)
    kind        VARCHAR(20)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    declared_by VARCHAR(64)  NOT NULL,
    declared_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (model_id, kind, name)
);
CREATE INDEX ix_model_aws_resource_name ON model_aws_resource (kind, name, model_id);

CREATE TABLE guardduty_finding (
    incident_id        VARCHAR(40)   NOT NULL PRIMARY KEY REFERENCES incident (id),
    finding_id         VARCHAR(300)  NOT NULL,
    model_id           VARCHAR(64)   NOT NULL REFERENCES model (id),
    finding_type       VARCHAR(100)  NOT NULL,
    finding_arn        VARCHAR(1024),
    account_id         VARCHAR(20),
    region             VARCHAR(32),
    -- GuardDuty's 0-10 severity and the SEV1-SEV4 GuardDutySeverity suggested from it for this model
    guardduty_severity DOUBLE PRECISION NOT NULL,
    suggested_severity VARCHAR(10)   NOT NULL,
    severity_band      VARCHAR(20)   NOT NULL,
    -- why the finding is about this model, e.g. "endpoint credit-prod"
    matched_by         VARCHAR(1000) NOT NULL,
    service_count      INTEGER,
    finding_updated_at VARCHAR(40),
    last_sha256        VARCHAR(64)   NOT NULL,
    first_received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_guardduty_finding_id ON guardduty_finding (finding_id, model_id);
