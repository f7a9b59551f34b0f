package org.modelgov.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A card's content as a reader sees it, for the HTML page and the PDF alike: headed blocks of labelled fields,
 * and tables for lists of flat items (a metric group's metrics). Plain Java.
 *
 * @param blocks in reading order; a block's level (2–4) is its heading's
 */
public record CardView(List<Block> blocks) {

    private static final int DEEPEST = 4;

    public record Field(String label, String value) {

        /** Long text reads better as a paragraph than in a table cell. */
        public boolean isLong() {
            return value.length() > 120;
        }
    }

    /** A list of flat items, one row each, with a column per member (labelled). */
    public record Table(String caption, List<String> columns, List<List<String>> rows) {
    }

    public record Block(int level, String heading, List<Field> fields, List<Table> tables) {
    }

    public static CardView of(String content) {
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : CardJson.sections(CardJson.parse(content))) {
            String title = CardLabels.of(section.getKey());
            JsonNode value = section.getValue();
            if (value.isObject()) {
                object((ObjectNode) value, 2, title, false, blocks);
            } else if (value.isArray() && !CardJson.isScalarList(value)) {
                int i = 0;
                for (JsonNode element : value) {
                    i++;
                    String name = CardJson.name(element);
                    if (element.isObject()) {
                        object((ObjectNode) element, 2, title + ": " + (name == null ? "#" + i : name), name != null,
                                blocks);
                    } else {
                        blocks.add(new Block(2, title + " #" + i, List.of(new Field(title, CardJson.text(element))),
                                List.of()));
                    }
                }
            } else {
                blocks.add(new Block(2, title, List.of(new Field(title, CardJson.text(value))), List.of()));
            }
        }
        return new CardView(List.copyOf(blocks));
    }

    /** The value of the first field labelled {@code label} in any block, or null (used by tests and summaries). */
    public String field(String label) {
        return blocks.stream().flatMap(b -> b.fields().stream()).filter(f -> f.label().equals(label))
                .map(Field::value).findFirst().orElse(null);
    }

    private static void object(ObjectNode node, int level, String heading, boolean named, List<Block> out) {
        List<Field> fields = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<Runnable> children = new ArrayList<>();
        int childLevel = Math.min(level + 1, DEEPEST);
        node.properties().forEach(member -> {
            String key = member.getKey();
            JsonNode value = member.getValue();
            String label = CardLabels.of(key);
            if (named && key.equals("name")) {
                return; // it is the heading
            }
            if (CardJson.isScalar(value) || CardJson.isScalarList(value)) {
                fields.add(new Field(label, CardJson.text(value)));
            } else if (value.isObject()) {
                children.add(() -> object((ObjectNode) value, childLevel, label, false, out));
            } else if (isFlatList(value)) {
                tables.add(table(label, value));
            } else {
                children.add(() -> {
                    int i = 0;
                    for (JsonNode element : value) {
                        i++;
                        String name = CardJson.name(element);
                        if (element.isObject()) {
                            object((ObjectNode) element, childLevel, name == null ? label + " #" + i : name,
                                    name != null, out);
                        }
                    }
                });
            }
        });
        out.add(new Block(level, heading, List.copyOf(fields), List.copyOf(tables)));
        children.forEach(Runnable::run);
    }

    /** A list of objects whose members are all scalars (or lists of scalars): one table row each. */
    private static boolean isFlatList(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return false;
        }
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
            for (JsonNode member : element) {
                if (!CardJson.isScalar(member) && !CardJson.isScalarList(member)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Table table(String caption, JsonNode array) {
        Set<String> keys = new LinkedHashSet<>();
        array.forEach(element -> element.fieldNames().forEachRemaining(keys::add));
        List<String> columns = keys.stream().map(CardLabels::of).toList();
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode element : array) {
            rows.add(keys.stream().map(k -> CardJson.text(element.get(k))).toList());
        }
        return new Table(caption, columns, List.copyOf(rows));
    }
}
