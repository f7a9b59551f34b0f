package org.modelgov.incident.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A verified alarm opens an incident on the model at its endpoint; the same alarm again is one more occurrence. */
@ModelGovIntegrationTest
class SnsAlarmIntakeIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    SnsAlarmIntake intake;

    private static SnsMessage notification(String alarmJson) {
        return new SnsMessage(SnsMessage.NOTIFICATION, UUID.randomUUID().toString(), null, SnsDraft.TOPIC,
                "ALARM: credit", alarmJson, "2026-11-27T10:00:00.000Z", "2", "c2lnbmVk", SnsDraft.CERT_URL, null, null);
    }

    @Test
    void duplicateAlarmsMakeOneIncidentWithTwoOccurrences() {
        Api owner = Api.as(port, "owner", "demo");
        String modelId = "SNS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String endpoint = modelId.toLowerCase() + "-prod";
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Alarmed model\","
                + " \"purpose\": \"Has an alarm\", \"deployment\": {\"endpointName\": \"" + endpoint + "\"}}").status())
                .isEqualTo(201);
        String alarm = AlarmNoticeTest.FIRING.replace("credit-pd-prod", endpoint);

        intake.onNotification(notification(alarm));
        intake.onNotification(notification(alarm));

        JsonNode incidents = owner.get("/api/incidents?modelId=" + modelId).json();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("occurrences").asInt()).isEqualTo(2);
        assertThat(incidents.get(0).path("type").asText()).isEqualTo("OUTAGE");
        assertThat(incidents.get(0).path("source").asText()).isEqualTo("SNS");
        assertThat(incidents.get(0).path("externalId").asText()).contains(":alarm:" + endpoint);

        // an alarm no model matches is not dropped: administrators and responders hear of it
        SnsMessage stray = notification(AlarmNoticeTest.FIRING.replace("credit-pd-prod", "nobody-knows-this"));
        intake.onNotification(stray);
        assertThat(Api.as(port, "admin", "demo").get("/api/notifications?limit=20").body())
                .contains("ALARM_UNMATCHED", stray.messageId());
    }
}
