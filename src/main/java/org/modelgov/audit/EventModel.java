package org.modelgov.audit;

import java.util.Map;

/**
 * The model an audit event belongs to, stored in {@code audit_event.model_id} for the model filter; the same rule
 * as the migration that filled it for older events (V14). A model's own events carry its id; a version's or an
 * incident's id is {@code <model id>:...}; an evidence report is recorded under its model's id, or under its own
 * report id when it has no model; anything else (engine administration) belongs to no model.
 */
final class EventModel {

    private EventModel() {
    }

    static String of(String entityType, String entityId, Map<String, ?> details) {
        if (entityType == null || entityId == null) {
            return null;
        }
        return switch (entityType) {
            case "MODEL" -> entityId;
            case "MODEL_VERSION", "INCIDENT" -> {
                int colon = entityId.indexOf(':');
                yield colon > 0 ? entityId.substring(0, colon) : null;
            }
            case "EVIDENCE_REPORT" -> details != null && entityId.equals(details.get("reportId")) ? null : entityId;
            default -> null;
        };
    }
}
