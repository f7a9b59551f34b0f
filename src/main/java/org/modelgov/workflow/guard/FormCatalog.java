package org.modelgov.workflow.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Camunda Forms ModelGov deploys ({@code forms/*.form}), read once: for each form id, the fields a person
 * fills in (with their labels), the fields it only shows, and which fields take several lines (textareas). A
 * completion or a start may carry only the fields a person fills in.
 */
public final class FormCatalog {

    /**
     * One form: field key → label, for the fields a person fills in and for those shown only (disabled); the keys
     * of the fields that take several lines.
     */
    public record Form(String id, Map<String, String> editable, Map<String, String> shown, Set<String> multiLine) {

        /** The label a person sees for {@code key}, or the key when the form has no such field. */
        public String label(String key) {
            String label = editable.getOrDefault(key, shown.get(key));
            return label == null || label.isBlank() ? key : label;
        }

        /** The message with each of the form's field names replaced by the label a person sees on the form. */
        public String humanize(String message) {
            if (message == null) {
                return null;
            }
            String result = message;
            java.util.List<String> keys = new java.util.ArrayList<>(editable.keySet());
            keys.addAll(shown.keySet());
            keys.sort(java.util.Comparator.comparingInt(String::length).reversed());
            for (String key : keys) {
                String label = label(key);
                if (!label.equals(key)) {
                    result = result.replaceAll("\\b" + java.util.regex.Pattern.quote(key) + "\\b",
                            java.util.regex.Matcher.quoteReplacement("'" + label + "'"));
                }
            }
            return result;
        }
    }

    private final Map<String, Form> forms;

    private FormCatalog(Map<String, Form> forms) {
        this.forms = Collections.unmodifiableMap(forms);
    }

    /** Reads every {@code *.form} on the class path. */
    public static FormCatalog load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Form> forms = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:**/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    Form form = parse(json.readTree(in));
                    forms.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the Camunda Forms on the class path", e);
        }
        return new FormCatalog(forms);
    }

    static Form parse(JsonNode schema) {
        Map<String, String> editable = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        Set<String> multiLine = new HashSet<>();
        collect(schema.path("components"), editable, shown, multiLine);
        return new Form(schema.path("id").asText(), Collections.unmodifiableMap(editable),
                Collections.unmodifiableMap(shown), Collections.unmodifiableSet(multiLine));
    }

    private static void collect(JsonNode components, Map<String, String> editable, Map<String, String> shown,
                                Set<String> multiLine) {
        for (JsonNode component : components) {
            collect(component.path("components"), editable, shown, multiLine);
            String key = component.path("key").asText(null);
            if (key == null || key.isBlank() || "button".equals(component.path("type").asText())) {
                continue;
            }
            String label = component.path("label").asText("");
            if ("textarea".equals(component.path("type").asText())) {
                multiLine.add(key);
            }
            // form-js leaves disabled fields out of what it submits: they only show a value
            if (component.path("disabled").asBoolean(false)) {
                shown.put(key, label);
            } else {
                editable.put(key, label);
            }
        }
    }

    /** The form a task or start event names by {@code camunda:formRef}, when it names one ModelGov deploys. */
    public Optional<Form> formOf(org.camunda.bpm.engine.impl.form.FormDefinition definition) {
        if (definition == null || definition.getCamundaFormDefinitionKey() == null) {
            return Optional.empty();
        }
        return form(definition.getCamundaFormDefinitionKey().getExpressionText());
    }

    public Optional<Form> form(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    public Map<String, Form> all() {
        return forms;
    }
}
