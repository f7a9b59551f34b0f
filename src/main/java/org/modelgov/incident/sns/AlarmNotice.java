package org.modelgov.incident.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.modelgov.incident.IncidentType;

/**
 * What an SNS notification from CloudWatch says, as far as incidents care: the alarm (its ARN is the
 * deduplication key), whether it is firing, the SageMaker endpoint it watches, and the kind of incident its
 * metric points to (errors and latency: an outage; Model Monitor's data, quality and bias metrics: drift,
 * performance degradation, bias).
 */
record AlarmNotice(String alarmName, String alarmArn, boolean firing, String endpointName, IncidentType type,
                   String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty when the message is not a CloudWatch alarm state change. */
    static Optional<AlarmNotice> parse(String message) {
        JsonNode alarm;
        try {
            alarm = JSON.readTree(message);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (alarm == null || !alarm.hasNonNull("AlarmName") || !alarm.hasNonNull("NewStateValue")) {
            return Optional.empty();
        }
        JsonNode trigger = alarm.path("Trigger");
        String endpoint = null;
        for (JsonNode dimension : trigger.path("Dimensions")) {
            String name = dimension.has("name") ? dimension.path("name").asText() : dimension.path("Name").asText();
            if (name.equalsIgnoreCase("EndpointName") || name.equalsIgnoreCase("Endpoint")) {
                endpoint = dimension.has("value") ? dimension.path("value").asText() : dimension.path("Value").asText();
            }
        }
        return Optional.of(new AlarmNotice(alarm.path("AlarmName").asText(),
                alarm.hasNonNull("AlarmArn") ? alarm.path("AlarmArn").asText() : null,
                "ALARM".equals(alarm.path("NewStateValue").asText()), endpoint,
                typeOf(trigger.path("Namespace").asText(""), trigger.path("MetricName").asText("")),
                alarm.path("NewStateReason").asText("")));
    }

    static IncidentType typeOf(String namespace, String metric) {
        String ns = namespace.toLowerCase(Locale.ROOT);
        String m = metric.toLowerCase(Locale.ROOT);
        if (ns.contains("model-bias") || m.contains("bias")) {
            return IncidentType.BIAS;
        }
        if (ns.contains("data-metrics") || m.contains("drift") || m.contains("baseline")) {
            return IncidentType.DRIFT;
        }
        if (m.contains("5xx") || m.contains("4xx") || m.contains("latency") || m.contains("error")) {
            return IncidentType.OUTAGE;
        }
        return IncidentType.PERFORMANCE_DEGRADATION;
    }

    /** The alarm's ARN identifies it across firings; its name when the ARN is missing. */
    String externalId() {
        return alarmArn != null ? alarmArn : "cloudwatch-alarm:" + alarmName;
    }
}
