-- Issue 14: the audit trail scales out. record() used to lock the one chain head row inside the caller's
-- transaction, so every writer on every node waited for the one before it. Now a writer only INSERTs (its id,
-- seq, comes from a sequence: V15) and a sealer chains committed events afterwards, in its own short
-- transaction under the head lock (AuditSealer): it sets chain_seq, prev_hash and hash.
--
-- seq stays the id and the read order of every query; chain_seq is the position in the hash chain, which is
-- the sealer's order (an event whose transaction commits late is sealed at a later position). Existing events
-- keep their hashes: they were chained with seq as the position, so chain_seq = seq.
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT;
UPDATE audit_event SET chain_seq = seq;
ALTER TABLE audit_event ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_event ALTER COLUMN hash DROP NOT NULL;
-- one event per chain position; verification walks this index, the sealer finds unsealed events (NULL) in it
ALTER TABLE audit_event ADD CONSTRAINT uq_audit_chain_seq UNIQUE (chain_seq);

-- The model an event belongs to, for the model filter (GET /audit?modelId=, /api/audit, reassessments):
-- equality on an indexed column instead of "entity_id LIKE 'M:%'", which PostgreSQL cannot serve from a btree
-- under a non-C collation, and which matched '_' and '%' in a model id as wildcards. A model's own events carry
-- its id; versions and incidents are '<model id>:...'; an evidence report carries its model's id, or its own
-- report id when it has no model; other entities (ENGINE) belong to no model.
ALTER TABLE audit_event ADD COLUMN model_id VARCHAR(128);
UPDATE audit_event SET model_id = CASE
    WHEN entity_type = 'MODEL' THEN entity_id
    WHEN entity_type IN ('MODEL_VERSION', 'INCIDENT') AND POSITION(':' IN entity_id) > 1
        THEN SUBSTRING(entity_id FROM 1 FOR POSITION(':' IN entity_id) - 1)
    WHEN entity_type = 'EVIDENCE_REPORT' AND EXISTS (SELECT 1 FROM model m WHERE m.id = audit_event.entity_id)
        THEN entity_id
    END;
CREATE INDEX ix_audit_model ON audit_event (model_id, seq);
-- No query filters on entity_id any more (the model filter was their only user): two fewer btrees to write on
-- every append and again when the sealer fills in the chain columns.
DROP INDEX ix_audit_entity;
DROP INDEX ix_audit_entity_id;

-- Inventory and incident lookups that steps and pages make by a column no index served:
-- SNS alarm intake finds the model of an alarm by its endpoint (SnsAlarmIntake -> findByEndpoint)
CREATE INDEX ix_model_endpoint_name ON model (endpoint_name, id);
-- the monitoring watcher reads approved versions (InventoryService.approvedVersions)
CREATE INDEX ix_model_version_status ON model_version (status, id);
-- the incidents list filtered by status alone (the model filter has ix_incident_model)
CREATE INDEX ix_incident_status ON incident (status, aware_at);
-- the dashboard's regulatory clocks: incidents with a report due, the most urgent first
CREATE INDEX ix_incident_report_due ON incident (report_due_at, id);
-- the pipeline heartbeat reads the open gates, oldest first
CREATE INDEX ix_pipeline_gate_open ON pipeline_gate (answered_at, received_at);
-- a Step Functions callback finds its gate by task token (ASCII, at most 2048 characters: fits a btree entry)
CREATE INDEX ix_pipeline_gate_token ON pipeline_gate (task_token);
-- the evidence list filtered by report kind alone (the model filter has ix_evidence_report_model)
CREATE INDEX ix_evidence_report_kind ON evidence_report (kind, created_at);
