package org.modelgov.exercise;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.modelgov.incident.IncidentType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario library file (YAML: {@code scenarios:} a list of id, title, incident_type, situation,
 * expected_actions, optional fault_template and fault_hint). A file that cannot be used is refused with the
 * file, line and field that are wrong, so a bad file stops start-up with a message that says what to fix.
 */
public final class ScenarioParser {

    private static final Set<String> TOP = Set.of("scenarios");
    private static final Set<String> SCENARIO = Set.of("id", "title", "incident_type", "situation",
            "expected_actions", "fault_template", "fault_hint");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    // FIS ExperimentTemplateId: up to 64 characters, no white space
    private static final Pattern TEMPLATE = Pattern.compile("\\S{1,64}");

    private ScenarioParser() {
    }

    /** A scenario file that cannot be used; the message names the file, line and field. */
    public static final class InvalidScenarioFile extends RuntimeException {
        InvalidScenarioFile(String message) {
            super(message);
        }
    }

    public static List<Scenario> parse(String fileName, byte[] content) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidScenarioFile(fileName + " line " + line + ": not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new InvalidScenarioFile(fileName + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new InvalidScenarioFile(fileName + ": the file is empty");
        }
        Reader reader = new Reader(fileName);
        Map<String, Node> top = reader.mapping(root, "", TOP);
        if (!top.containsKey("scenarios")) {
            throw reader.fail(root, "scenarios", "is required: a list of scenarios");
        }
        if (!(top.get("scenarios") instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw reader.fail(top.get("scenarios"), "scenarios", "must be a list of at least one scenario");
        }
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            Scenario scenario = reader.scenario(item, "scenarios[" + i + "]");
            if (!ids.add(scenario.id())) {
                throw reader.fail(item, "scenarios[" + i + "].id", "'" + scenario.id() + "' is used twice");
            }
            scenarios.add(scenario);
        }
        return List.copyOf(scenarios);
    }

    private record Reader(String file) {

        Scenario scenario(Node node, String path) {
            Map<String, Node> s = mapping(node, path, SCENARIO);
            String id = text(s, "id", node, path, 64);
            if (!ID.matcher(id).matches()) {
                throw fail(s.get("id"), path + ".id", "'" + id + "' must be lower-case letters, digits and dashes");
            }
            String type = text(s, "incident_type", node, path, 40);
            IncidentType incidentType = Arrays.stream(IncidentType.values()).filter(t -> t.name().equals(type))
                    .findFirst().orElseThrow(() -> fail(s.get("incident_type"), path + ".incident_type", "'" + type
                            + "' is not an incident type: one of " + Arrays.toString(IncidentType.values())));
            List<String> actions = new ArrayList<>();
            if (s.containsKey("expected_actions")) {
                if (!(s.get("expected_actions") instanceof SequenceNode seq)) {
                    throw fail(s.get("expected_actions"), path + ".expected_actions", "must be a list of texts");
                }
                for (int i = 0; i < seq.getValue().size(); i++) {
                    actions.add(scalar(seq.getValue().get(i), path + ".expected_actions[" + i + "]", 500));
                }
            }
            String template = optional(s, "fault_template", path, 64);
            if (template != null && !TEMPLATE.matcher(template).matches()) {
                throw fail(s.get("fault_template"), path + ".fault_template",
                        "must be a FIS experiment template id (up to 64 characters, no spaces)");
            }
            return new Scenario(id, text(s, "title", node, path, 200), incidentType,
                    text(s, "situation", node, path, 3000), actions, template, optional(s, "fault_hint", path, 500));
        }

        Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
            if (!(node instanceof MappingNode m)) {
                throw fail(node, path.isEmpty() ? "(top)" : path, "must be a mapping of fields");
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                String where = path.isEmpty() ? key : path + "." + key;
                if (!allowed.contains(key)) {
                    throw fail(t.getKeyNode(), where, "is not a known field: one of " + new java.util.TreeSet<>(allowed));
                }
                fields.put(key, t.getValueNode());
            }
            return fields;
        }

        String text(Map<String, Node> fields, String name, Node owner, String path, int max) {
            if (!fields.containsKey(name)) {
                throw fail(owner, path + "." + name, "is required");
            }
            return scalar(fields.get(name), path + "." + name, max);
        }

        String optional(Map<String, Node> fields, String name, String path, int max) {
            return fields.containsKey(name) ? scalar(fields.get(name), path + "." + name, max) : null;
        }

        String scalar(Node node, String path, int max) {
            if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
                throw fail(node, path, "must be a non-empty text");
            }
            if (s.getValue().length() > max) {
                throw fail(node, path, "must be at most " + max + " characters");
            }
            return s.getValue().strip();
        }

        InvalidScenarioFile fail(Node node, String field, String message) {
            int line = node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
            return new InvalidScenarioFile(file + " line " + line + ": " + field + " " + message);
        }
    }
}
