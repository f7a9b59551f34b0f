package org.modelgov.incident.sns;

import java.util.List;
import java.util.stream.Collectors;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.incident.guardduty.GuardDutyEvent;
import org.modelgov.incident.guardduty.GuardDutyIntake;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Verified SNS notifications that carry a GuardDuty finding event (an EventBridge rule targeting the topic) go to
 * the GuardDuty intake. One whose finding is malformed is told to the administrators (which members were wrong,
 * never the payload) rather than dropped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GuardDutySnsIntake implements SnsNotificationHandler {

    private final GuardDutyIntake intake;
    private final NotificationSender notifications;

    GuardDutySnsIntake(GuardDutyIntake intake, NotificationSender notifications) {
        this.intake = intake;
        this.notifications = notifications;
    }

    @Override
    public boolean handles(SnsMessage message) {
        return GuardDutyEvent.isGuardDutyFinding(message.message());
    }

    @Override
    public void onNotification(SnsMessage message) {
        GuardDutyEvent event;
        try {
            event = GuardDutyEvent.parse(message.message());
        } catch (InvalidInputException e) {
            String problems = e.violations().stream().map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; "));
            notifications.send(new Notification("guardduty-malformed:" + message.messageId(), "GUARDDUTY_MALFORMED",
                    "A GuardDuty event through SNS could not be read", "SNS message " + message.messageId() + " from "
                    + message.topicArn() + " is a GuardDuty finding event that opened no incident: " + problems + ".",
                    List.of(GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.INCIDENT_RESPONDER.groupId()),
                    List.of(), null));
            return;
        }
        intake.receive(event, "SNS", SnsAlarmIntake.REPORTER);
    }
}
