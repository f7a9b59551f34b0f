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

    /** One detail; a nested object's fields are named by their path ("purpose.from"), a list of values joined. */
    public record Detail(String key, String value) {
    }

    public static AuditEventView of(AuditEvent event, ObjectMapper json) {
        List<Detail> details = new ArrayList<>();
        try {
            JsonNode node = json.readTree(event.details());
            if (node != null && node.isObject()) {
                flatten("", node, details);
            } else if (node != null && !node.isMissingNode()) {
                details.add(new Detail("value", text(node)));
            }
        } catch (JsonProcessingException e) {
            // stored before details were JSON, or hand-written: show it as it is
            details.add(new Detail("details", event.details()));
        }
        return new AuditEventView(event, details);
    }

    private static void flatten(String prefix, JsonNode object, List<Detail> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + field.getKey();
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                flatten(key + ".", field.getValue(), into);
            } else {
                into.add(new Detail(key, text(field.getValue())));
            }
        }
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode()) {
                    return value.toString(); // a list of objects: JSON is the clearest
                }
                items.add(item.asText());
            }
            return String.join(", ", items);
        }
        return value.toString();
    }
}
