package org.modelgov.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** An audit event as a page shows it: its JSON details as a list of key and value, never clipped raw JSON. */
public record AuditEventView(AuditEvent event, List<Detail> details) {

    /** One detail; nested objects and lists are shown as compact JSON. */
    public record Detail(String key, String value) {
    }

    public static AuditEventView of(AuditEvent event, ObjectMapper json) {
        List<Detail> details = new ArrayList<>();
        try {
            JsonNode node = json.readTree(event.details());
            if (node != null && node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode value = field.getValue();
                    details.add(new Detail(field.getKey(), value.isValueNode() ? value.asText() : value.toString()));
                }
            } else if (node != null && !node.isMissingNode()) {
                details.add(new Detail("value", node.isValueNode() ? node.asText() : node.toString()));
            }
        } catch (JsonProcessingException e) {
            // stored before details were JSON, or hand-written: show it as it is
            details.add(new Detail("details", event.details()));
        }
        return new AuditEventView(event, details);
    }
}
