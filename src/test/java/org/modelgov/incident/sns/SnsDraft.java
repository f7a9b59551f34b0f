package org.modelgov.incident.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as SNS would send it, signed in the test. The string to sign is written out here from AWS's
 * documentation, independently of the verifier's, so a mistake there cannot hide behind the same mistake here.
 */
final class SnsDraft {

    static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem";
    static final String EXPIRED_CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-expired.pem";
    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:model-monitor-alarms";
    static final String SUBSCRIBE_URL = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn="
            + TOPIC + "&Token=2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a7";

    String type = SnsMessage.NOTIFICATION;
    String messageId = "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324";
    String token;
    String topicArn = TOPIC;
    String subject = "ALARM: \"model-drift\" in EU (Ireland)";
    String message = "{\"AlarmName\":\"model-drift\",\"NewStateValue\":\"ALARM\",\"Reason\":\"Überschreitung ✓\"}";
    String timestamp;
    String signatureVersion = "1";
    String signature = "";
    String signingCertUrl = CERT_URL;
    String subscribeUrl;
    String unsubscribeUrl = "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + TOPIC + ":1";

    static SnsDraft notification(Instant sent) {
        SnsDraft draft = new SnsDraft();
        draft.timestamp = sent.toString();
        return draft;
    }

    static SnsDraft subscriptionConfirmation(Instant sent) {
        SnsDraft draft = notification(sent);
        draft.type = SnsMessage.SUBSCRIPTION_CONFIRMATION;
        draft.subject = null;
        draft.unsubscribeUrl = null;
        draft.token = "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a7";
        draft.subscribeUrl = SUBSCRIBE_URL;
        draft.message = "You have chosen to subscribe to the topic " + TOPIC
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        return draft;
    }

    /** Signs with SHA1withRSA for SignatureVersion 1 and SHA256withRSA otherwise. */
    SnsDraft signedWith(PrivateKey key) {
        return signedWith(key, "1".equals(signatureVersion) ? "SHA1withRSA" : "SHA256withRSA");
    }

    SnsDraft signedWith(PrivateKey key, String algorithm) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(stringToSign().getBytes(StandardCharsets.UTF_8));
            signature = Base64.getEncoder().encodeToString(signer.sign());
            return this;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String stringToSign() {
        StringBuilder s = new StringBuilder();
        if (SnsMessage.NOTIFICATION.equals(type)) {
            s.append("Message\n").append(message).append('\n');
            s.append("MessageId\n").append(messageId).append('\n');
            if (subject != null) {
                s.append("Subject\n").append(subject).append('\n');
            }
            s.append("Timestamp\n").append(timestamp).append('\n');
            s.append("TopicArn\n").append(topicArn).append('\n');
            s.append("Type\n").append(type).append('\n');
        } else {
            s.append("Message\n").append(message).append('\n');
            s.append("MessageId\n").append(messageId).append('\n');
            s.append("SubscribeURL\n").append(subscribeUrl).append('\n');
            s.append("Timestamp\n").append(timestamp).append('\n');
            s.append("Token\n").append(token).append('\n');
            s.append("TopicArn\n").append(topicArn).append('\n');
            s.append("Type\n").append(type).append('\n');
        }
        return s.toString();
    }

    SnsMessage build() {
        return new SnsMessage(type, messageId, token, topicArn, subject, message, timestamp, signatureVersion,
                signature, signingCertUrl, subscribeUrl, unsubscribeUrl);
    }

    /** The JSON body SNS would post (absent fields left out). */
    String json() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type", type);
        fields.put("MessageId", messageId);
        fields.put("Token", token);
        fields.put("TopicArn", topicArn);
        fields.put("Subject", subject);
        fields.put("Message", message);
        fields.put("Timestamp", timestamp);
        fields.put("SignatureVersion", signatureVersion);
        fields.put("Signature", signature);
        fields.put("SigningCertURL", signingCertUrl);
        fields.put("SubscribeURL", subscribeUrl);
        fields.put("UnsubscribeURL", unsubscribeUrl);
        fields.values().removeIf(java.util.Objects::isNull);
        try {
            return new ObjectMapper().writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
