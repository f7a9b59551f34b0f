package org.modelgov.documentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading a card's content: its sections in the schema's order, and its values as text. */
final class CardJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CardJson() {
    }

    /** The content as a JSON object; content that is not one is shown as a single "Content" field. */
    static ObjectNode parse(String content) {
        try {
            JsonNode node = JSON.readTree(content == null ? "{}" : content);
            if (node != null && node.isObject()) {
                return (ObjectNode) node;
            }
        } catch (JsonProcessingException e) {
            // fall through: kept as text
        }
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.put("content", content);
        return wrapped;
    }

    /** The card's top-level members, the schema's sections first in the schema's order. */
    static List<Map.Entry<String, JsonNode>> sections(ObjectNode card) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (String section : CardLabels.SECTIONS) {
            if (card.has(section)) {
                out.add(Map.entry(section, card.get(section)));
            }
        }
        card.properties().forEach(e -> {
            if (!CardLabels.SECTIONS.contains(e.getKey())) {
                out.add(e);
            }
        });
        return out;
    }

    static boolean isScalar(JsonNode node) {
        return node.isValueNode() || node.isNull();
    }

    /** An array of scalars only (e.g. model_artifact, datasets). */
    static boolean isScalarList(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!isScalar(item)) {
                return false;
            }
        }
        return true;
    }

    /** A value as a reader sees it: text as itself, numbers as written, a list joined by commas. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (isScalarList(node)) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(text(item)));
            return String.join(", ", items);
        }
        return node.toString();
    }

    /** The element's name, when it has one (evaluations, metric groups and metrics are named). */
    static String name(JsonNode element) {
        JsonNode name = element.path("name");
        return name.isValueNode() && !name.asText().isBlank() ? name.asText() : null;
    }
}
