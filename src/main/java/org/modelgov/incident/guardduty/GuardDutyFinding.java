package org.modelgov.incident.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modelgov.common.Violations;

/**
 * What ModelGov reads from an Amazon GuardDuty {@code Finding} (the {@code detail} of a "GuardDuty Finding"
 * EventBridge event): its identity, type, severity and update count, and the AWS resources it names that a model
 * may use. Members are read by their wire names ({@code id}, {@code resource.s3BucketDetails}...) and, tolerantly,
 * by the API model's member names ({@code Id}, {@code Resource.S3BucketDetails}); anything else is ignored.
 *
 * @param count     {@code service.count}: how often GuardDuty has seen the activity (grows as the finding updates)
 * @param resources the SageMaker endpoints, S3 buckets and IAM roles the finding names
 */
public record GuardDutyFinding(String id, String arn, String accountId, String region, String type, String title,
                               double severity, String createdAt, String updatedAt, Integer count,
                               String resourceType, AccessKey accessKey, Resources resources) {

    /** {@code resource.accessKeyDetails}: whose credentials acted ({@code userName} is the role of an AssumedRole). */
    public record AccessKey(String userName, String userType, String principalId) {
    }

    /** The resources a finding names, by kind; matching uses nothing else. */
    public record Resources(Set<String> endpoints, Set<String> buckets, Set<String> roles) {

        public Resources {
            endpoints = Set.copyOf(endpoints);
            buckets = Set.copyOf(buckets);
            roles = Set.copyOf(roles);
        }

        public boolean isEmpty() {
            return endpoints.isEmpty() && buckets.isEmpty() && roles.isEmpty();
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            endpoints.stream().sorted().forEach(e -> parts.add("endpoint " + e));
            buckets.stream().sorted().forEach(b -> parts.add("bucket " + b));
            roles.stream().sorted().forEach(r -> parts.add("role " + r));
            return parts.isEmpty() ? "no endpoint, bucket or role" : String.join(", ", parts);
        }
    }

    // ARNs anywhere in the finding (resource, action, evidence): SageMaker lower-cases endpoint names in its ARNs
    private static final Pattern ENDPOINT_ARN = Pattern.compile(
            "arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/([A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))");
    private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])");
    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern ASSUMED_ROLE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:sts::[0-9]{12}:assumed-role/([\\w+=,.@-]{1,64})/");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ENDPOINT_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    /** Resource tags that name the SageMaker endpoint a resource serves. */
    private static final Set<String> ENDPOINT_TAGS = Set.of("endpointname", "sagemaker:endpoint-name",
            "modelgov:endpoint");
    private static final int MAX_DEPTH = 40;

    /**
     * Reads the finding, adding a violation under {@code field} for each member GuardDuty always sends that is
     * missing or malformed (id, type, severity 0-10, resource). Returns null when there were violations.
     */
    static GuardDutyFinding read(JsonNode detail, String field, Violations v) {
        if (detail == null || !detail.isObject()) {
            v.add(field, "must be a GuardDuty Finding object");
            return null;
        }
        String id = text(detail, "id");
        String type = text(detail, "type");
        JsonNode severity = member(detail, "severity");
        JsonNode resource = member(detail, "resource");
        if (id == null || id.isBlank()) {
            v.add(field + ".id", "is required: the finding's id");
        } else if (id.length() > 128) {
            v.add(field + ".id", "must be at most 128 characters");
        }
        if (type == null || type.isBlank()) {
            v.add(field + ".type", "is required: the finding type, e.g. UnauthorizedAccess:IAMUser/MaliciousIPCaller");
        } else if (type.length() > 100) {
            v.add(field + ".type", "must be at most 100 characters");
        }
        if (severity == null || !severity.isNumber()) {
            v.add(field + ".severity", "is required: a number from 0 to 10");
        } else if (severity.asDouble() < 0 || severity.asDouble() > 10 || Double.isNaN(severity.asDouble())) {
            v.add(field + ".severity", "must be from 0 to 10");
        }
        if (resource == null || !resource.isObject()) {
            v.add(field + ".resource", "is required: the resource the finding is about");
        }
        if (!v.isEmpty()) {
            return null;
        }
        JsonNode accessKeyNode = member(resource, "accessKeyDetails");
        AccessKey accessKey = accessKeyNode == null || !accessKeyNode.isObject() ? null
                : new AccessKey(text(accessKeyNode, "userName"), text(accessKeyNode, "userType"),
                text(accessKeyNode, "principalId"));
        JsonNode service = member(detail, "service");
        JsonNode count = service == null ? null : member(service, "count");
        return new GuardDutyFinding(id.strip(), text(detail, "arn"), text(detail, "accountId"), text(detail, "region"),
                type.strip(), text(detail, "title"), severity.asDouble(), text(detail, "createdAt"),
                text(detail, "updatedAt"), count != null && count.canConvertToInt() ? count.asInt() : null,
                text(resource, "resourceType"), accessKey, namedResources(detail, resource, accessKey));
    }

    /** The GuardDuty band of the severity, as the console shows it. */
    public String band() {
        return severity >= 9 ? "Critical" : severity >= 7 ? "High" : severity >= 4 ? "Medium" : "Low";
    }

    private static Resources namedResources(JsonNode detail, JsonNode resource, AccessKey accessKey) {
        Set<String> endpoints = new LinkedHashSet<>();
        Set<String> buckets = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        JsonNode bucketDetails = member(resource, "s3BucketDetails");
        if (bucketDetails != null) {
            for (JsonNode bucket : bucketDetails) {
                addIfMatches(buckets, text(bucket, "name"), BUCKET_NAME);
            }
        }
        if (accessKey != null && "AssumedRole".equalsIgnoreCase(accessKey.userType())) {
            addIfMatches(roles, accessKey.userName(), ROLE_NAME);
        }
        walk(detail, null, 0, endpoints, buckets, roles);
        return new Resources(endpoints, buckets, roles);
    }

    /** Every text value is searched for ARNs; every {@code tags} list for a tag naming an endpoint. */
    private static void walk(JsonNode node, String name, int depth, Set<String> endpoints, Set<String> buckets,
                             Set<String> roles) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.contains("arn:")) {
                collect(ENDPOINT_ARN, text, endpoints);
                collect(BUCKET_ARN, text, buckets);
                collect(ROLE_ARN, text, roles);
                collect(ASSUMED_ROLE_ARN, text, roles);
            }
        } else if (node.isArray()) {
            boolean tags = name != null && name.equalsIgnoreCase("tags");
            for (JsonNode item : node) {
                if (tags && item.isObject()) {
                    String key = text(item, "key");
                    if (key != null && ENDPOINT_TAGS.contains(key.toLowerCase(Locale.ROOT))) {
                        addIfMatches(endpoints, text(item, "value"), ENDPOINT_NAME);
                    }
                }
                walk(item, null, depth + 1, endpoints, buckets, roles);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), field.getKey(), depth + 1, endpoints, buckets, roles);
            }
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static void addIfMatches(Set<String> into, String value, Pattern pattern) {
        if (value != null && pattern.matcher(value.strip()).matches()) {
            into.add(value.strip());
        }
    }

    /** The member by its wire name ({@code s3BucketDetails}) or its model name ({@code S3BucketDetails}). */
    static JsonNode member(JsonNode node, String wireName) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(wireName);
        if (value == null || value.isNull()) {
            value = node.get(Character.toUpperCase(wireName.charAt(0)) + wireName.substring(1));
        }
        return value == null || value.isNull() ? null : value;
    }

    static String text(JsonNode node, String wireName) {
        JsonNode value = member(node, wireName);
        return value != null && value.isValueNode() ? value.asText() : null;
    }
}
