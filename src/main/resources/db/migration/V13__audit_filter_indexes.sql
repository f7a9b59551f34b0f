-- The audit trail's filters (issue 13: GET /audit, /api/audit, /api/audit/export): each filter is an index scan,
-- and the seq column in the index gives the newest-first order without a sort. The model filter matches
-- entity_id exactly or by the prefix "<model id>:" (versions, incidents); ix_audit_entity (V1) leads with
-- entity_type, so it cannot serve a filter on entity_id alone.
CREATE INDEX ix_audit_entity_id ON audit_event (entity_id, seq);
CREATE INDEX ix_audit_actor ON audit_event (actor, seq);
CREATE INDEX ix_audit_action ON audit_event (action, seq);
CREATE INDEX ix_audit_occurred_at ON audit_event (occurred_at);
