-- Issue 15: every revision of a model card is kept. model_card holds the current card; each change of its content
-- or status appends a row here (model_card.card_revision is the latest revision number). Both adapters (local and
-- SageMaker) write through the same table code, so both modes keep the history.
CREATE TABLE model_card_revision (
    version_id  VARCHAR(80)  NOT NULL REFERENCES model_version (id),
    revision    INTEGER      NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    content     TEXT         NOT NULL,
    change_kind VARCHAR(20)  NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by  VARCHAR(200),
    step        VARCHAR(200),
    PRIMARY KEY (version_id, revision)
);

-- Cards written before this migration: their current state is their one known revision.
INSERT INTO model_card_revision (version_id, revision, status, content, change_kind, written_at, written_by, step)
SELECT version_id, card_revision, status, content, 'BACKFILL', updated_at, NULL,
       'Kept as it stood when revision history began'
FROM model_card;
