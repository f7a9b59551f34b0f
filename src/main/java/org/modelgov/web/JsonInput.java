package org.modelgov.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.PlainText;
import org.modelgov.inventory.FieldUpdate;

/**
 * Reads fields of a JSON request object and remembers every field it could not read (wrong type,
 * unknown, read-only, text with control characters or lone surrogates: {@link PlainText}), so the response
 * can name them all together with rule violations. Every text field of ModelGov's JSON API is read here.
 */
public final class JsonInput {

    private final JsonNode node;
    private final String path;
    private final List<FieldViolation> problems;

    private JsonInput(JsonNode node, String path, List<FieldViolation> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The request body, which must be a JSON object. */
    public static JsonInput body(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return new JsonInput(body, "", new ArrayList<>());
    }

    public List<FieldViolation> problems() {
        return List.copyOf(problems);
    }

    /** A one-line string field; absent or null is {@code null}. */
    public String text(String field) {
        return text(field, false);
    }

    /** A string field that may hold several lines (carriage returns allowed); absent or null is {@code null}. */
    public String multiLineText(String field) {
        return text(field, true);
    }

    private String text(String field, boolean multiLine) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new FieldViolation(path + field, "must be a string"));
            return null;
        }
        return storable(field, value.textValue(), multiLine) ? value.textValue() : null;
    }

    private boolean storable(String field, String text, boolean multiLine) {
        String problem = PlainText.problem(text, multiLine);
        if (problem != null) {
            problems.add(new FieldViolation(path + field, problem));
        }
        return problem == null;
    }

    /** A boolean field; absent or null is {@code null}. */
    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(new FieldViolation(path + field, "must be true or false"));
            return null;
        }
        return value.booleanValue();
    }

    /** A one-line string field of a merge patch: absent keeps the value, null clears it. */
    public FieldUpdate<String> update(String field) {
        return update(field, false);
    }

    /** A string field of a merge patch that may hold several lines. */
    public FieldUpdate<String> multiLineUpdate(String field) {
        return update(field, true);
    }

    private FieldUpdate<String> update(String field, boolean multiLine) {
        JsonNode value = node.get(field);
        if (value == null) {
            return FieldUpdate.keep();
        }
        if (value.isNull()) {
            return FieldUpdate.set(null);
        }
        if (!value.isTextual()) {
            problems.add(new FieldViolation(path + field, "must be a string or null"));
            return FieldUpdate.keep();
        }
        String text = value.textValue();
        return storable(field, text, multiLine) ? FieldUpdate.set(text) : FieldUpdate.keep();
    }

    /** A nested object; absent or null gives an empty one, anything else is a problem. */
    public JsonInput object(String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            problems.add(new FieldViolation(path + field, "must be an object"));
            value = null;
        }
        JsonNode child = value == null || value.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode() : value;
        return new JsonInput(child, path + field + ".", problems);
    }

    /** True when the field is present and explicitly null. */
    public boolean isNull(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNull();
    }

    /** Fields the caller may read but not write. */
    public void readOnly(String reason, String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                problems.add(new FieldViolation(path + field, reason));
            }
        }
    }

    /** Every field not in {@code known} is reported, so typos do not pass silently. */
    public void onlyKnown(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new FieldViolation(path + name, "is not a known field"));
            }
        }
    }
}
