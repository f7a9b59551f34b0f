package org.modelgov.compliance;

import java.util.Map;
import java.util.Set;
import org.modelgov.common.Violations;

/** A compliance officer's scope decision for a model; validates itself, naming every wrong field. */
public record ScopeChange(boolean eu, boolean nycEmployment, boolean usBank, String note) {

    static final int MAX_NOTE = 2000;
    private static final Set<String> FIELDS = Set.of("eu", "nycEmployment", "usBank", "note");

    /** Reads a JSON object's fields: the three flags are required booleans, {@code note} optional text. */
    public static ScopeChange from(Map<String, Object> body) {
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "must be a JSON object with eu, nycEmployment and usBank");
            v.throwIfAny();
        }
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                v.add(key, "is not a compliance scope field (eu, nycEmployment, usBank, note)");
            }
        }
        Boolean eu = flag(v, "eu", body.get("eu"), body.containsKey("eu"));
        Boolean nyc = flag(v, "nycEmployment", body.get("nycEmployment"), body.containsKey("nycEmployment"));
        Boolean bank = flag(v, "usBank", body.get("usBank"), body.containsKey("usBank"));
        Object note = body.get("note");
        String text = null;
        if (note != null && !(note instanceof String)) {
            v.add("note", "must be text");
        } else if (note != null) {
            text = ((String) note).strip();
            if (text.isEmpty()) {
                text = null;
            } else if (text.length() > MAX_NOTE) {
                v.add("note", "must be at most " + MAX_NOTE + " characters (got " + text.length() + ")");
            }
        }
        v.throwIfAny();
        return new ScopeChange(eu, nyc, bank, text);
    }

    private static Boolean flag(Violations v, String field, Object value, boolean present) {
        if (!present || value == null) {
            v.add(field, "is required: true or false");
            return null;
        }
        if (!(value instanceof Boolean b)) {
            v.add(field, "must be true or false");
            return null;
        }
        return b;
    }
}
