package org.modelgov.incident.sns;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * An Amazon SNS message as delivered to an HTTP(S) endpoint. Values are kept verbatim (the Timestamp too)
 * because the signature is computed over them as SNS sent them.
 */
public record SnsMessage(
        String type,
        String messageId,
        String token,
        String topicArn,
        String subject,
        String message,
        String timestamp,
        String signatureVersion,
        String signature,
        String signingCertUrl,
        String subscribeUrl,
        String unsubscribeUrl) {

    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    // a repeated key or trailing text would leave it unclear which value was signed
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Refuses a message that lacks a field SNS always sends for its type. */
    public SnsMessage {
        require(type, "Type");
        require(messageId, "MessageId");
        require(topicArn, "TopicArn");
        require(timestamp, "Timestamp");
        require(signatureVersion, "SignatureVersion");
        require(signature, "Signature");
        require(signingCertUrl, "SigningCertURL");
        if (NOTIFICATION.equals(type)) {
            require(message, "Message");
        }
        if (isConfirmation(type)) {
            require(token, "Token");
            require(subscribeUrl, "SubscribeURL");
        }
    }

    /** Reads the JSON body SNS posts. */
    public static SnsMessage parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            throw new SnsVerificationException("the body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SnsVerificationException("the body is not a JSON object");
        }
        return new SnsMessage(text(root, "Type"), text(root, "MessageId"), text(root, "Token"),
                text(root, "TopicArn"), text(root, "Subject"), text(root, "Message"), text(root, "Timestamp"),
                text(root, "SignatureVersion"), text(root, "Signature"), text(root, "SigningCertURL"),
                text(root, "SubscribeURL"), text(root, "UnsubscribeURL"));
    }

    public boolean isNotification() {
        return NOTIFICATION.equals(type);
    }

    public boolean isSubscriptionConfirmation() {
        return SUBSCRIPTION_CONFIRMATION.equals(type);
    }

    static boolean isConfirmation(String type) {
        return SUBSCRIPTION_CONFIRMATION.equals(type) || UNSUBSCRIBE_CONFIRMATION.equals(type);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new SnsVerificationException(field + " must be a JSON string");
        }
        return value.textValue();
    }

    private static void require(String value, String field) {
        if (value == null) {
            throw new SnsVerificationException(field + " is missing");
        }
    }
}
