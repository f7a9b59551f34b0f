package org.modelgov.incident.sns;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Amazon SNS's HTTPS subscription endpoint. SNS cannot log in, so each message is authenticated by its
 * signature ({@link SnsMessageVerifier}) before anything is done with it.
 */
@RestController
class SnsEndpointController {

    private static final Logger log = LoggerFactory.getLogger(SnsEndpointController.class);

    private final SnsMessageVerifier verifier;
    private final SubscriptionConfirmer confirmer;
    private final ObjectProvider<SnsNotificationHandler> handler;
    private final java.util.Set<String> acceptedTopics;

    /**
     * @param acceptedTopics the topics whose messages are taken: a valid signature proves a message came from
     *                       SNS, not from one of our topics (any AWS account could subscribe this endpoint)
     */
    SnsEndpointController(SnsMessageVerifier verifier, SubscriptionConfirmer confirmer,
                          ObjectProvider<SnsNotificationHandler> handler,
                          @org.springframework.beans.factory.annotation.Value("${modelgov.sns.accepted-topic-arns:}")
                          java.util.Set<String> acceptedTopics) {
        this.verifier = verifier;
        this.confirmer = confirmer;
        this.handler = handler;
        this.acceptedTopics = java.util.Set.copyOf(acceptedTopics);
    }

    // SNS posts JSON as text/plain; charset=UTF-8, so any content type is read as the raw body
    @PostMapping(path = "/api/sns/notifications", consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> receive(@RequestBody String body) {
        SnsMessage message = parse(body);
        try {
            verifier.verify(message);
        } catch (SnsVerificationException e) {
            log.warn("Refused SNS message {} from topic {}: {}", loggable(message.messageId()),
                    loggable(message.topicArn()), loggable(e.getMessage()));
            throw new AccessDeniedToActionException("SNS message refused: " + e.getMessage());
        }
        if (!acceptedTopics.contains(message.topicArn())) {
            log.warn("Refused SNS message {} from topic {}: not in modelgov.sns.accepted-topic-arns",
                    loggable(message.messageId()), loggable(message.topicArn()));
            throw new AccessDeniedToActionException("SNS message refused: topic " + message.topicArn()
                    + " is not one ModelGov accepts (modelgov.sns.accepted-topic-arns)");
        }
        return switch (message.type()) {
            case SnsMessage.NOTIFICATION -> deliver(message);
            case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message);
            default -> {
                // UnsubscribeConfirmation: nothing to undo here; the verifier refuses any other type
                log.info("SNS confirmed unsubscribing from topic {}; ignored", message.topicArn());
                yield accepted(message);
            }
        };
    }

    private static SnsMessage parse(String body) {
        try {
            return SnsMessage.parse(body);
        } catch (SnsVerificationException e) {
            throw InvalidInputException.of("body", "is not an SNS message: " + e.getMessage());
        }
    }

    private ResponseEntity<?> deliver(SnsMessage message) {
        // chosen by content: a GuardDuty finding event, else a CloudWatch alarm (or unmatched, told to admins)
        SnsNotificationHandler intake = handler.orderedStream().filter(h -> h.handles(message)).findFirst()
                .orElse(null);
        if (intake == null) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "no incident intake configured");
        }
        intake.onNotification(message);
        return accepted(message);
    }

    private ResponseEntity<?> confirm(SnsMessage message) {
        try {
            verifier.checkSubscribeUrl(message.subscribeUrl());
        } catch (SnsVerificationException e) {
            log.warn("Refused to confirm a subscription to topic {}: {}", message.topicArn(), loggable(e.getMessage()));
            throw new AccessDeniedToActionException("SNS subscription not confirmed: " + e.getMessage());
        }
        try {
            confirmer.confirm(URI.create(message.subscribeUrl()));
        } catch (IOException e) {
            log.warn("Could not confirm the subscription to topic {}: {}", message.topicArn(), e.getMessage());
            return problem(HttpStatus.BAD_GATEWAY, "the subscription could not be confirmed with SNS: " + e.getMessage());
        }
        log.info("Confirmed the SNS subscription to topic {}", message.topicArn());
        return accepted(message);
    }

    // anyone may post here: line breaks in what they sent must not forge log lines
    private static String loggable(String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
    }

    private static ResponseEntity<?> accepted(SnsMessage message) {
        return ResponseEntity.ok(Map.of("accepted", true, "type", message.type()));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
