package org.modelgov.audit;

import java.util.Map;

/**
 * Port: the append-only audit log. Callers record inside their own transaction, so the event and
 * the change it describes are saved together or not at all.
 */
public interface AuditTrail {

    void record(String actor, String action, String entityType, String entityId, Map<String, ?> details);
}
