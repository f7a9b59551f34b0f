package org.modelgov.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a request ModelGov sends against the official AWS service model in {@code ../shared/aws-models}:
 * required members, unknown members, enum values, string patterns and lengths, number ranges, list sizes,
 * nested structures, maps. Answers every violation (empty when the request fits).
 */
public final class AwsModelShapes {

    // before the models below: static fields initialise in order, and load() needs it
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The services ModelGov calls, by file name prefix. */
    public static final AwsModelShapes SAGEMAKER = load("sagemaker-2017-07-24");
    public static final AwsModelShapes STEP_FUNCTIONS = load("states-2016-11-23");
    public static final AwsModelShapes SNS = load("sns-2010-03-31");
    /** CloudWatch (service id "monitoring"), Fault Injection Service, GuardDuty, Secrets Manager. */
    public static final AwsModelShapes CLOUDWATCH = load("monitoring-2010-08-01");
    public static final AwsModelShapes FIS = load("fis-2020-12-01");
    public static final AwsModelShapes GUARDDUTY = load("guardduty-2017-11-28");
    public static final AwsModelShapes SECRETS_MANAGER = load("secretsmanager-2017-10-17");

    private final JsonNode model;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private AwsModelShapes(JsonNode model) {
        this.model = model;
    }

    private static AwsModelShapes load(String name) {
        // test copies of shared/aws-models/apis (src/test/resources/aws-models), so any checkout can run the checks
        String resource = "/aws-models/" + name + ".normal.json";
        try (java.io.InputStream in = AwsModelShapes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no AWS model " + resource + " on the test classpath");
            }
            return new AwsModelShapes(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AWS model " + resource, e);
        }
    }

    /** Violations of {@code operation}'s input shape by {@code request} (a JSON body, or the query parameters as JSON). */
    public List<String> violations(String operation, JsonNode request) {
        JsonNode op = model.path("operations").path(operation);
        if (op.isMissingNode()) {
            return List.of("no operation " + operation + " in the model");
        }
        List<String> problems = new ArrayList<>();
        check(op.path("input").path("shape").asText(), request, operation, problems);
        return problems;
    }

    public List<String> violations(String operation, String requestJson) {
        try {
            return violations(operation, JSON.readTree(requestJson));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /**
     * Violations of a named shape by a value as the service writes it on the wire: members by their
     * {@code locationName} (GuardDuty's {@code Finding} in an EventBridge event: {@code id}, {@code resource}...).
     */
    public List<String> wireViolations(String shapeName, JsonNode value) {
        if (model.path("shapes").path(shapeName).isMissingNode()) {
            return List.of("no shape " + shapeName + " in the model");
        }
        List<String> problems = new ArrayList<>();
        check(shapeName, value, shapeName, problems, true);
        return problems;
    }

    /** The enum values of a shape (e.g. ModelApprovalStatus). */
    public List<String> enumOf(String shape) {
        List<String> values = new ArrayList<>();
        model.path("shapes").path(shape).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private void check(String shapeName, JsonNode value, String path, List<String> problems) {
        check(shapeName, value, path, problems, false);
    }

    /** @param wire members are named by their locationName where the model gives one */
    private void check(String shapeName, JsonNode value, String path, List<String> problems, boolean wire) {
        JsonNode shape = model.path("shapes").path(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> {
                if (!value.isObject()) {
                    problems.add(path + ": must be an object (" + shapeName + ")");
                    return;
                }
                for (JsonNode required : shape.path("required")) {
                    String name = wire ? wireName(shape, required.asText()) : required.asText();
                    if (!value.has(name) || value.get(name).isNull()) {
                        problems.add(path + "." + name + ": required");
                    }
                }
                value.fields().forEachRemaining(field -> {
                    JsonNode member = wire ? memberByWireName(shape, field.getKey())
                            : shape.path("members").path(field.getKey());
                    if (member.isMissingNode()) {
                        problems.add(path + "." + field.getKey() + ": not a member of " + shapeName);
                    } else {
                        check(member.path("shape").asText(), field.getValue(), path + "." + field.getKey(), problems,
                                wire);
                    }
                });
            }
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + ": must be a list");
                    return;
                }
                range(shape, value.size(), path, "items", problems);
                for (int i = 0; i < value.size(); i++) {
                    check(shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]", problems,
                            wire);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(path + ": must be a map");
                    return;
                }
                range(shape, value.size(), path, "entries", problems);
                value.fields().forEachRemaining(e -> {
                    check(shape.path("key").path("shape").asText(), JSON.getNodeFactory().textNode(e.getKey()),
                            path + "{key}", problems, wire);
                    check(shape.path("value").path("shape").asText(), e.getValue(), path + "." + e.getKey(), problems,
                            wire);
                });
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": must be a string");
                    return;
                }
                String text = value.asText();
                if (shape.has("enum")) {
                    List<String> allowed = new ArrayList<>();
                    shape.path("enum").forEach(v -> allowed.add(v.asText()));
                    if (!allowed.contains(text)) {
                        problems.add(path + ": '" + text + "' is not one of " + allowed);
                    }
                }
                range(shape, text.length(), path, "characters", problems);
                if (shape.has("pattern")) {
                    Pattern pattern = patterns.computeIfAbsent(shape.path("pattern").asText(), Pattern::compile);
                    if (!pattern.matcher(text).find()) {
                        problems.add(path + ": '" + text + "' does not match " + pattern.pattern());
                    }
                }
            }
            case "integer", "long", "float", "double" -> {
                if (!value.isNumber() && !(value.isTextual() && value.asText().matches("-?[0-9.]+"))) {
                    problems.add(path + ": must be a number");
                    return;
                }
                double number = value.asDouble();
                if (shape.has("min") && number < shape.path("min").asDouble()) {
                    problems.add(path + ": " + number + " is below " + shape.path("min").asDouble());
                }
                if (shape.has("max") && number > shape.path("max").asDouble()) {
                    problems.add(path + ": " + number + " is above " + shape.path("max").asDouble());
                }
            }
            case "boolean" -> {
                if (!value.isBoolean() && !(value.isTextual() && value.asText().matches("true|false"))) {
                    problems.add(path + ": must be true or false");
                }
            }
            default -> {
                // timestamps, blobs: accepted as sent by the SDK
            }
        }
    }

    private static String wireName(JsonNode shape, String member) {
        return shape.path("members").path(member).path("locationName").asText(member);
    }

    private static JsonNode memberByWireName(JsonNode shape, String wireName) {
        var members = shape.path("members").fields();
        while (members.hasNext()) {
            var member = members.next();
            if (wireName.equals(member.getValue().path("locationName").asText(member.getKey()))) {
                return member.getValue();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void range(JsonNode shape, int size, String path, String what, List<String> problems) {
        if (shape.has("min") && size < shape.path("min").asInt()) {
            problems.add(path + ": fewer than " + shape.path("min").asInt() + " " + what);
        }
        if (shape.has("max") && size > shape.path("max").asInt()) {
            problems.add(path + ": more than " + shape.path("max").asInt() + " " + what);
        }
    }
}
