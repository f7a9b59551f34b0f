package org.modelgov.incident.guardduty;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.Sha256;
import org.modelgov.common.Violations;

/**
 * One EventBridge event of GuardDuty ({@code "source": "aws.guardduty"}, {@code "detail-type": "GuardDuty
 * Finding"}) with the finding as its {@code detail}, as EventBridge delivers it to SNS or to an API destination.
 *
 * @param eventId EventBridge's id of the event (not the finding's: GuardDuty sends a new event per update)
 * @param sha256  of the event exactly as received, the evidence that this content was taken in
 */
public record GuardDutyEvent(String eventId, String account, String region, String time, GuardDutyFinding finding,
                             String sha256) {

    public static final String SOURCE = "aws.guardduty";
    public static final String DETAIL_TYPE = "GuardDuty Finding";
    /** EventBridge's largest event; anything larger did not come from it. */
    public static final int MAX_BYTES = 256 * 1024;

    // a repeated key would leave it unclear which value was meant
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Whether the text is an EventBridge GuardDuty finding event at all (the SNS dispatch asks), without errors. */
    public static boolean isGuardDutyFinding(String json) {
        if (json == null || json.length() > MAX_BYTES || !json.contains(SOURCE)) {
            return false;
        }
        try {
            JsonNode root = JSON.readTree(json);
            return root != null && root.isObject() && SOURCE.equals(root.path("source").asText(null))
                    && DETAIL_TYPE.equals(root.path("detail-type").asText(null));
        } catch (JacksonException e) {
            return false;
        }
    }

    /**
     * Reads an event; a body that is not one GuardDuty finding event, or whose finding lacks what GuardDuty always
     * sends, is refused naming each problem (never quoting the payload).
     */
    public static GuardDutyEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw InvalidInputException.of("body", "is empty: send one EventBridge event of GuardDuty");
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("body", "is larger than an EventBridge event can be (256 KB)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            // the parser's message may quote the payload: say where only
            var at = e.getLocation();
            throw InvalidInputException.of("body", "is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || root.isArray()) {
            throw InvalidInputException.of("body", "must be one EventBridge event (a JSON object), not a list:"
                    + " API destinations send one event per request");
        }
        if (!root.isObject()) {
            throw InvalidInputException.of("body", "must be an EventBridge event (a JSON object)");
        }
        Violations v = new Violations();
        if (!SOURCE.equals(root.path("source").asText(null))) {
            v.add("source", "must be \"" + SOURCE + "\"");
        }
        if (!DETAIL_TYPE.equals(root.path("detail-type").asText(null))) {
            v.add("detail-type", "must be \"" + DETAIL_TYPE + "\"");
        }
        GuardDutyFinding finding = GuardDutyFinding.read(root.get("detail"), "detail", v);
        v.throwIfAny();
        return new GuardDutyEvent(text(root, "id"), text(root, "account"), text(root, "region"), text(root, "time"),
                finding, Sha256.hex(bytes));
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
