package org.modelgov.aws.sns;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.modelgov.aws.AwsProperties;
import org.modelgov.common.Sha256;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationPublishException;
import org.modelgov.notification.NotificationPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * AWS mode: publishes every new notification to each topic of {@code modelgov.aws.notification-topic-arns}, with
 * the message attributes eventType, modelId, riskTier and severity (when present) for subscription filter
 * policies. On FIFO topics the deduplication id is the SHA-256 of the notification's deduplication key, so a
 * retried job within SNS's five-minute window publishes once; standard topics deliver at least once.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
public class SnsNotificationPublisher implements NotificationPublisher {

    private static final Logger log = LoggerFactory.getLogger(SnsNotificationPublisher.class);
    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    /** SNS: a subject is ASCII, starts with a letter, digit or punctuation, has no line break and < 100 characters. */
    private static final int SUBJECT_MAX = 99;
    /** SNS FIFO: a message group id is up to 128 of these characters. */
    private static final Pattern NOT_GROUP_ID_CHARACTER = Pattern.compile("[^\\x21-\\x7E]");
    private static final String DEFAULT_GROUP = "modelgov";

    private final SnsClient sns;
    private final List<String> topicArns;

    @Autowired
    SnsNotificationPublisher(SnsClient sns, AwsProperties aws) {
        this(sns, aws.notificationTopicArns());
    }

    public SnsNotificationPublisher(SnsClient sns, List<String> topicArns) {
        this.sns = sns;
        this.topicArns = topicArns == null ? List.of() : topicArns.stream().map(String::strip)
                .filter(arn -> !arn.isEmpty()).toList();
        for (String arn : this.topicArns) {
            if (!TOPIC_ARN.matcher(arn).matches()) {
                throw new IllegalArgumentException("modelgov.aws.notification-topic-arns: '" + arn
                        + "' is not an SNS topic ARN; expected arn:aws:sns:<region>:<account id>:<topic name>");
            }
        }
        if (this.topicArns.isEmpty()) {
            log.warn("AWS mode publishes notifications to no SNS topic (they stay in the outbox):"
                    + " set modelgov.aws.notification-topic-arns to publish them");
        }
    }

    @Override
    public void publish(Notification n) {
        for (String topicArn : topicArns) {
            try {
                String messageId = sns.publish(request(topicArn, n)).messageId();
                log.debug("Published notification {} to {} as {}", n.deduplicationKey(), topicArn, messageId);
            } catch (SdkException e) {
                throw new NotificationPublishException("SNS did not publish notification " + n.deduplicationKey()
                        + " to " + topicArn + ": " + errorCode(e) + e.getMessage(), e);
            }
        }
    }

    /** SNS's error code (e.g. {@code Throttling}), which the SDK's message leaves out; empty for a client error. */
    private static String errorCode(SdkException e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null ? service.awsErrorDetails().errorCode() + ": " : "";
    }

    static PublishRequest request(String topicArn, Notification n) {
        PublishRequest.Builder request = PublishRequest.builder()
                .topicArn(topicArn)
                .message(n.body().isBlank() ? n.subject() : n.body())
                .messageAttributes(attributes(n));
        String subject = subject(n.subject());
        if (subject != null) {
            request.subject(subject);
        }
        if (topicArn.endsWith(".fifo")) {
            request.messageGroupId(groupId(n.modelId()))
                    .messageDeduplicationId(Sha256.hex(n.deduplicationKey()));
        }
        return request.build();
    }

    private static Map<String, MessageAttributeValue> attributes(Notification n) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        if (!n.eventType().isBlank()) {
            attributes.put("eventType", text(n.eventType()));
        }
        if (n.modelId() != null && !n.modelId().isBlank()) {
            attributes.put("modelId", text(n.modelId()));
        }
        if (n.riskTier() != null) {
            attributes.put("riskTier", text(n.riskTier()));
        }
        if (n.severity() != null) {
            attributes.put("severity", text(n.severity()));
        }
        return attributes;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /** The subject as SNS accepts it: ASCII (accents dropped), one line, under 100 characters; null when nothing is left. */
    static String subject(String subject) {
        String ascii = Normalizer.normalize(subject, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replace('‘', '\'').replace('’', '\'').replace('“', '"').replace('”', '"')
                .replace('–', '-').replace('—', '-')
                .replaceAll("[^\\x20-\\x7E]+", " ").replaceAll(" {2,}", " ").strip();
        if (ascii.length() > SUBJECT_MAX) {
            ascii = ascii.substring(0, SUBJECT_MAX - 3).stripTrailing() + "...";
        }
        return ascii.isEmpty() ? null : ascii;
    }

    static String groupId(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            return DEFAULT_GROUP;
        }
        String id = NOT_GROUP_ID_CHARACTER.matcher(modelId.strip()).replaceAll("_");
        return id.length() > 128 ? id.substring(0, 128) : id;
    }
}
