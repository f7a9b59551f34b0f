package org.modelgov.compliance;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.common.Sha256;
import org.modelgov.inventory.RiskTier;
import org.modelgov.risk.RiskQuestionnaire;
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
 * Reads one framework file (YAML, format in {@code compliance/frameworks/README.md}). Plain Java: works on the
 * YAML node tree so that every problem names the file, the line and the field, e.g.
 * {@code eu-ai-act.yaml line 40, requirements[2].applies.tiers[0]: 'HIGHH' is not a risk tier}.
 */
public final class FrameworkParser {

    private static final Set<String> TOP = Set.of("id", "title", "file_version", "scope", "source",
            "application_dates", "amendments", "requirements");
    private static final Set<String> REQUIREMENT = Set.of("id", "title", "reference", "applies", "evidence",
            "outside_modelgov");
    private static final Set<String> APPLIES = Set.of("tiers", "use_areas", "from", "from_by_use_area");

    private FrameworkParser() {
    }

    /** A framework file that cannot be used; the message names the file, line and field. */
    public static final class InvalidFrameworkFile extends RuntimeException {
        InvalidFrameworkFile(String message) {
            super(message);
        }
    }

    public static Framework parse(String fileName, byte[] content) {
        Node root;
        try {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            root = yaml.compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidFrameworkFile(fileName + " line " + line + ": not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new InvalidFrameworkFile(fileName + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new InvalidFrameworkFile(fileName + ": the file is empty");
        }
        return new Reader(fileName).framework(root, Sha256.hex(content));
    }

    /** Walks one file's nodes, naming where a problem is. */
    private record Reader(String file) {

        Framework framework(Node root, String sha256) {
            Map<String, Node> top = mapping(root, "", TOP);
            String id = text(top, "id", root, "");
            String scope = text(top, "scope", root, "");
            if (!Framework.SCOPES.contains(scope)) {
                throw fail(top.get("scope"), "scope", "'" + scope + "' is not a scope: one of " + Framework.SCOPES);
            }
            Node sourceNode = required(top, "source", root, "");
            Map<String, Node> source = mapping(sourceNode, "source", Set.of("document", "date", "url"));
            Map<String, Framework.ApplicationDate> dates = new LinkedHashMap<>();
            Node datesNode = required(top, "application_dates", root, "");
            for (Map.Entry<String, Node> e : mapping(datesNode, "application_dates", null).entrySet()) {
                String path = "application_dates." + e.getKey();
                Map<String, Node> d = mapping(e.getValue(), path, Set.of("date", "what"));
                dates.put(e.getKey(), new Framework.ApplicationDate(e.getKey(), date(d, "date", e.getValue(), path),
                        text(d, "what", e.getValue(), path)));
            }
            if (dates.isEmpty()) {
                throw fail(datesNode, "application_dates", "needs at least one date");
            }
            List<Framework.Amendment> amendments = new ArrayList<>();
            if (top.containsKey("amendments")) {
                List<Node> items = sequence(top.get("amendments"), "amendments");
                for (int i = 0; i < items.size(); i++) {
                    amendments.add(amendment(items.get(i), "amendments[" + i + "]", dates.keySet()));
                }
            }
            List<Requirement> requirements = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Node reqNode = required(top, "requirements", root, "");
            List<Node> items = sequence(reqNode, "requirements");
            for (int i = 0; i < items.size(); i++) {
                Requirement r = requirement(items.get(i), "requirements[" + i + "]", dates.keySet());
                if (!ids.add(r.id())) {
                    throw fail(items.get(i), "requirements[" + i + "].id", "'" + r.id() + "' appears twice");
                }
                requirements.add(r);
            }
            if (requirements.isEmpty()) {
                throw fail(reqNode, "requirements", "needs at least one requirement");
            }
            return new Framework(id, text(top, "title", root, ""), text(top, "file_version", root, ""), scope,
                    text(source, "document", sourceNode, "source"), date(source, "date", sourceNode, "source"),
                    optionalText(source, "url", "source"), dates, amendments, requirements, file, sha256);
        }

        Framework.Amendment amendment(Node node, String path, Set<String> dateKeys) {
            Map<String, Node> m = mapping(node, path, Set.of("id", "title", "status", "in_force", "changes"));
            String inForce = text(m, "in_force", node, path);
            if (!inForce.equals("true") && !inForce.equals("false")) {
                throw fail(m.get("in_force"), path + ".in_force", "must be true or false");
            }
            Map<String, LocalDate> changes = new LinkedHashMap<>();
            Node changesNode = required(m, "changes", node, path);
            for (Map.Entry<String, Node> e : mapping(changesNode, path + ".changes", null).entrySet()) {
                if (!dateKeys.contains(e.getKey())) {
                    throw fail(e.getValue(), path + ".changes." + e.getKey(),
                            "not one of the application_dates: " + dateKeys);
                }
                changes.put(e.getKey(), parseDate(scalar(e.getValue(), path + ".changes." + e.getKey()), e.getValue(),
                        path + ".changes." + e.getKey()));
            }
            return new Framework.Amendment(text(m, "id", node, path), text(m, "title", node, path),
                    text(m, "status", node, path), Boolean.parseBoolean(inForce), changes);
        }

        Requirement requirement(Node node, String path, Set<String> dateKeys) {
            Map<String, Node> m = mapping(node, path, REQUIREMENT);
            Set<RiskTier> tiers = EnumSet.noneOf(RiskTier.class);
            Set<String> areas = new HashSet<>();
            String from = null;
            Map<String, String> fromByArea = new LinkedHashMap<>();
            if (m.containsKey("applies")) {
                String ap = path + ".applies";
                Map<String, Node> a = mapping(m.get("applies"), ap, APPLIES);
                if (a.containsKey("tiers")) {
                    List<Node> list = sequence(a.get("tiers"), ap + ".tiers");
                    for (int i = 0; i < list.size(); i++) {
                        String t = scalar(list.get(i), ap + ".tiers[" + i + "]");
                        try {
                            tiers.add(RiskTier.valueOf(t));
                        } catch (IllegalArgumentException e) {
                            throw fail(list.get(i), ap + ".tiers[" + i + "]", "'" + t + "' is not a risk tier: one of "
                                    + List.of(RiskTier.LOW, RiskTier.MEDIUM, RiskTier.HIGH, RiskTier.PROHIBITED,
                                    RiskTier.UNASSESSED));
                        }
                    }
                }
                if (a.containsKey("use_areas")) {
                    List<Node> list = sequence(a.get("use_areas"), ap + ".use_areas");
                    for (int i = 0; i < list.size(); i++) {
                        areas.add(useArea(list.get(i), ap + ".use_areas[" + i + "]"));
                    }
                }
                if (a.containsKey("from")) {
                    from = dateKey(a.get("from"), ap + ".from", dateKeys);
                }
                if (a.containsKey("from_by_use_area")) {
                    for (Map.Entry<String, Node> e : mapping(a.get("from_by_use_area"), ap + ".from_by_use_area", null)
                            .entrySet()) {
                        String p = ap + ".from_by_use_area." + e.getKey();
                        if (!RiskQuestionnaire.USE_AREAS.contains(e.getKey())) {
                            throw fail(e.getValue(), p, "'" + e.getKey() + "' is not a use area: one of "
                                    + RiskQuestionnaire.USE_AREAS);
                        }
                        fromByArea.put(e.getKey(), dateKey(e.getValue(), p, dateKeys));
                    }
                }
            }
            String outside = optionalText(m, "outside_modelgov", path);
            boolean all = true;
            List<EvidenceRef> refs = new ArrayList<>();
            if (m.containsKey("evidence") == (outside != null)) {
                throw fail(node, path, "needs exactly one of 'evidence' (ModelGov evidence that satisfies it) or "
                        + "'outside_modelgov' (where it is evidenced instead)");
            }
            if (m.containsKey("evidence")) {
                String ep = path + ".evidence";
                Map<String, Node> e = mapping(m.get("evidence"), ep, Set.of("all", "any"));
                if (e.size() != 1) {
                    throw fail(m.get("evidence"), ep, "needs exactly one of 'all' (every reference) or 'any' (one is enough)");
                }
                all = e.containsKey("all");
                String key = all ? "all" : "any";
                List<Node> list = sequence(e.get(key), ep + "." + key);
                if (list.isEmpty()) {
                    throw fail(e.get(key), ep + "." + key, "needs at least one evidence reference");
                }
                for (int i = 0; i < list.size(); i++) {
                    refs.add(evidence(list.get(i), ep + "." + key + "[" + i + "]"));
                }
            }
            return new Requirement(text(m, "id", node, path), text(m, "title", node, path),
                    text(m, "reference", node, path), tiers, areas, from, fromByArea, all, refs, outside);
        }

        EvidenceRef evidence(Node node, String path) {
            String ref;
            Period maxAge = null;
            if (node instanceof MappingNode) {
                Map<String, Node> m = mapping(node, path, Set.of("ref", "max_age"));
                ref = text(m, "ref", node, path);
                if (m.containsKey("max_age")) {
                    String age = scalar(m.get("max_age"), path + ".max_age");
                    try {
                        maxAge = Period.parse(age);
                    } catch (DateTimeParseException e) {
                        throw fail(m.get("max_age"), path + ".max_age", "'" + age
                                + "' is not an ISO-8601 period such as P1Y or P6M");
                    }
                }
            } else {
                ref = scalar(node, path);
            }
            try {
                return EvidenceRef.parse(ref, maxAge);
            } catch (IllegalArgumentException e) {
                throw fail(node, path, e.getMessage());
            }
        }

        String useArea(Node node, String path) {
            String area = scalar(node, path);
            if (!RiskQuestionnaire.USE_AREAS.contains(area)) {
                throw fail(node, path, "'" + area + "' is not a use area: one of " + RiskQuestionnaire.USE_AREAS);
            }
            return area;
        }

        String dateKey(Node node, String path, Set<String> keys) {
            String key = scalar(node, path);
            if (!keys.contains(key)) {
                throw fail(node, path, "'" + key + "' is not one of the application_dates: " + keys);
            }
            return key;
        }

        Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
            if (!(node instanceof MappingNode mapping)) {
                throw fail(node, path.isEmpty() ? "(file)" : path, "must be a mapping (key: value)");
            }
            Map<String, Node> result = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = scalar(t.getKeyNode(), path);
                String p = path.isEmpty() ? key : path + "." + key;
                if (allowed != null && !allowed.contains(key)) {
                    throw fail(t.getKeyNode(), p, "unknown field (expected one of " + allowed.stream().sorted().toList()
                            + ")");
                }
                if (result.put(key, t.getValueNode()) != null) {
                    throw fail(t.getKeyNode(), p, "appears twice");
                }
            }
            return result;
        }

        List<Node> sequence(Node node, String path) {
            if (!(node instanceof SequenceNode seq)) {
                throw fail(node, path, "must be a list");
            }
            return seq.getValue();
        }

        String scalar(Node node, String path) {
            if (!(node instanceof ScalarNode s)) {
                throw fail(node, path, "must be a single value");
            }
            return s.getValue();
        }

        Node required(Map<String, Node> m, String key, Node parent, String path) {
            Node n = m.get(key);
            if (n == null) {
                throw fail(parent, path.isEmpty() ? key : path + "." + key, "is required");
            }
            return n;
        }

        String text(Map<String, Node> m, String key, Node parent, String path) {
            String p = path.isEmpty() ? key : path + "." + key;
            String value = scalar(required(m, key, parent, path), p);
            if (value.isBlank()) {
                throw fail(m.get(key), p, "must not be empty");
            }
            return value.strip();
        }

        String optionalText(Map<String, Node> m, String key, String path) {
            return m.containsKey(key) ? text(m, key, null, path) : null;
        }

        LocalDate date(Map<String, Node> m, String key, Node parent, String path) {
            String p = path.isEmpty() ? key : path + "." + key;
            Node n = required(m, key, parent, path);
            return parseDate(scalar(n, p), n, p);
        }

        LocalDate parseDate(String value, Node node, String path) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw fail(node, path, "'" + value + "' is not a date like 2026-08-02");
            }
        }

        InvalidFrameworkFile fail(Node node, String path, String problem) {
            String line = node == null || node.getStartMark() == null ? "" : " line " + (node.getStartMark().getLine() + 1);
            return new InvalidFrameworkFile(file + line + ", " + path + ": " + problem);
        }
    }
}
