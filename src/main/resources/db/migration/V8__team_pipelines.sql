-- A team's own validation pipeline (a Step Functions state machine) that ModelGov starts in every validation
-- round of the version and waits for.
ALTER TABLE model_version ADD COLUMN validation_pipeline_arn VARCHAR(2048);
