package org.modelgov.incident.sns;

import java.util.List;
import java.util.Optional;
import org.modelgov.common.GovernanceRole;
import org.modelgov.incident.IncidentService;
import org.modelgov.incident.ReportIncident;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verified SNS notifications (CloudWatch alarms, Model Monitor) become incidents on the model deployed at the
 * alarm's endpoint. The same alarm firing again while its incident is open is one more occurrence. An alarm
 * no model matches is told to the governance administrators rather than dropped.
 */
@Component
// the last intake asked: it takes every notification no other intake handles
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class SnsAlarmIntake implements SnsNotificationHandler {

    private static final Logger log = LoggerFactory.getLogger(SnsAlarmIntake.class);
    static final String REPORTER = "sns";

    private final IncidentService incidents;
    private final InventoryService inventory;
    private final NotificationSender notifications;

    SnsAlarmIntake(IncidentService incidents, InventoryService inventory, NotificationSender notifications) {
        this.incidents = incidents;
        this.inventory = inventory;
        this.notifications = notifications;
    }

    @Override
    public void onNotification(SnsMessage message) {
        Optional<AlarmNotice> parsed = AlarmNotice.parse(message.message());
        if (parsed.isEmpty()) {
            unmatched(message, "it is not a CloudWatch alarm state change");
            return;
        }
        AlarmNotice alarm = parsed.get();
        if (!alarm.firing()) {
            log.info("Alarm {} is no longer firing; nothing to open", alarm.alarmName());
            return;
        }
        Optional<Model> model = alarm.endpointName() == null ? Optional.empty()
                : inventory.findByEndpoint(alarm.endpointName());
        if (model.isEmpty()) {
            unmatched(message, "no inventory model is deployed at endpoint " + alarm.endpointName());
            return;
        }
        IncidentService.Reported reported = incidents.report(new ReportIncident(model.get().id(), alarm.type().name(),
                "CloudWatch alarm " + alarm.alarmName() + ": " + alarm.reason(), alarm.externalId(), false, "SNS",
                List.of()), REPORTER);
        log.info("Alarm {} -> incident {} ({})", alarm.alarmName(), reported.incident().id(),
                reported.opened() ? "opened" : "occurrence " + reported.incident().occurrences());
    }

    private void unmatched(SnsMessage message, String why) {
        notifications.send(new Notification("sns-unmatched:" + message.messageId(), "ALARM_UNMATCHED",
                "An SNS notification matched no model", "SNS message " + message.messageId() + " from "
                + message.topicArn() + " opened no incident: " + why + ". Subject: " + message.subject(),
                List.of(GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.INCIDENT_RESPONDER.groupId()),
                List.of(), null));
    }
}
