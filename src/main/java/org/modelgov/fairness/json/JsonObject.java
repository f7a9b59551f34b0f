package org.modelgov.fairness.json;

import java.util.List;
import java.util.Map;

import org.modelgov.fairness.MetricsInputException;

/** Typed reads from a parsed JSON object, failing with a message that names the config field. */
public final class JsonObject {

    private final Map<String, Object> fields;
    private final String path;

    private JsonObject(Map<String, Object> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /** @param what "config" or the like, used in messages */
    public static JsonObject of(Object parsed, String what) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new MetricsInputException(what + ": must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return new JsonObject(fields, "");
    }

    public boolean has(String key) {
        return fields.get(key) != null;
    }

    public Object get(String key) {
        return fields.get(key);
    }

    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public MetricsInputException error(String key, String problem) {
        return new MetricsInputException("config, field '" + field(key) + "': " + problem);
    }

    public JsonObject object(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error(key, "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) map;
        return new JsonObject(child, field(key));
    }

    public List<?> list(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw error(key, "must be a list");
        }
        return list;
    }

    public Double number(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n)) {
            throw error(key, "must be a number, got " + value);
        }
        return n.doubleValue();
    }

    public String text(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw error(key, "must be a string, got " + value);
        }
        return s;
    }

    public Map<String, Object> asMap() {
        return fields;
    }
}
