package org.modelgov.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A card's content flattened into labelled paths, for comparing two cards field by field: objects by member,
 * lists of named items (evaluations, metric groups, metrics) by name rather than position, so a metric added at the
 * top of a list is one addition, not a change of every metric after it. Plain Java.
 */
public final class CardPaths {

    /**
     * One leaf of a card.
     *
     * @param path  stable key, e.g. {@code evaluation_details[Round 1].metric_groups[Findings].metric_data[DI].value}
     * @param label the same path in words, e.g. "Evaluation › Round 1 › Findings › DI › Value"
     * @param value the value as text (a list of plain values joined by commas)
     */
    public record Entry(String path, String label, String value) {
    }

    static final String SEPARATOR = " › ";

    private CardPaths() {
    }

    public static List<Entry> of(String content) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : CardJson.sections(CardJson.parse(content))) {
            walk(section.getValue(), section.getKey(), CardLabels.of(section.getKey()), out);
        }
        return out;
    }

    private static void member(String key, JsonNode value, String path, String label, List<Entry> out) {
        walk(value, path + "." + key, hasNamedItems(value) ? label : label + SEPARATOR + CardLabels.of(key), out);
    }

    private static boolean hasNamedItems(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode item : node) {
            if (CardJson.name(item) == null) {
                return false;
            }
        }
        return true;
    }

    private static void walk(JsonNode node, String path, String label, List<Entry> out) {
        if (CardJson.isScalar(node) || CardJson.isScalarList(node)) {
            out.add(new Entry(path, label, CardJson.text(node)));
        } else if (node.isObject()) {
            // a list of named items reads by their names: "… › Validation findings › DI › Value", not
            // "… › Metric groups › Validation findings › Metrics › DI › Value"
            node.properties().forEach(m -> member(m.getKey(), m.getValue(), path, label, out));
        } else if (node.isArray()) {
            Set<String> seen = new HashSet<>();
            int i = 0;
            for (JsonNode element : node) {
                i++;
                String name = CardJson.name(element);
                String key = name == null ? "#" + i : name;
                // two items of one name stay apart: the second is "name#2"
                for (int n = 2; !seen.add(key); n++) {
                    key = (name == null ? "#" + i : name) + "#" + n;
                }
                String itemPath = path + "[" + key + "]";
                String itemLabel = label + SEPARATOR + key;
                if (element.isObject()) {
                    boolean named = name != null;
                    element.properties().forEach(m -> {
                        if (!(named && m.getKey().equals("name"))) {
                            member(m.getKey(), m.getValue(), itemPath, itemLabel, out);
                        }
                    });
                } else {
                    walk(element, itemPath, itemLabel, out);
                }
            }
        }
    }
}
