-- The inventory sorts by these columns with the id as tiebreaker (ORDER BY <column>, id): an index on
-- both serves the ORDER BY ... LIMIT straight from the index instead of sorting every matching row.
DROP INDEX ix_model_updated_at;
DROP INDEX ix_model_next_review_due;
DROP INDEX ix_model_name;
CREATE INDEX ix_model_updated_at ON model (updated_at, id);
CREATE INDEX ix_model_next_review_due ON model (next_review_due, id);
CREATE INDEX ix_model_name ON model (name, id);
CREATE INDEX ix_model_created_at ON model (created_at, id);
