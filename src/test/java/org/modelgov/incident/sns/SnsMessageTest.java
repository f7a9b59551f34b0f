package org.modelgov.incident.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnsMessageTest {

    private static final Instant SENT = Instant.parse("2024-05-06T07:08:09.123Z");

    @Test
    void aNotificationIsReadFieldByField() {
        SnsDraft draft = SnsDraft.notification(SENT);
        draft.signature = "c2lnbmF0dXJl";

        SnsMessage message = SnsMessage.parse(draft.json());

        assertThat(message).isEqualTo(draft.build());
        assertThat(message.isNotification()).isTrue();
        assertThat(message.timestamp()).isEqualTo("2024-05-06T07:08:09.123Z");
    }

    @Test
    void aSubscriptionConfirmationIsRead() {
        SnsDraft draft = SnsDraft.subscriptionConfirmation(SENT);
        draft.signature = "c2lnbmF0dXJl";

        SnsMessage message = SnsMessage.parse(draft.json());

        assertThat(message.isSubscriptionConfirmation()).isTrue();
        assertThat(message.subscribeUrl()).isEqualTo(SnsDraft.SUBSCRIBE_URL);
        assertThat(message.token()).isEqualTo(draft.token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1, 2]", "\"text\"", "{\"Type\": \"Notification\"} trailing"})
    void aBodyThatIsNotAJsonObjectIsRefused(String body) {
        assertThatThrownBy(() -> SnsMessage.parse(body)).isInstanceOf(SnsVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Type", "MessageId", "TopicArn", "Timestamp", "Signature", "SignatureVersion",
            "SigningCertURL", "Message"})
    void aNotificationWithoutARequiredFieldIsRefused(String field) {
        String json = SnsDraft.notification(SENT).json().replace("\"" + field + "\":", "\"Other" + field + "\":");

        assertThatThrownBy(() -> SnsMessage.parse(json))
                .isInstanceOf(SnsVerificationException.class)
                .hasMessage(field + " is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Token", "SubscribeURL"})
    void aConfirmationWithoutATokenOrSubscribeUrlIsRefused(String field) {
        String json = SnsDraft.subscriptionConfirmation(SENT).json()
                .replace("\"" + field + "\":", "\"Other" + field + "\":");

        assertThatThrownBy(() -> SnsMessage.parse(json)).hasMessage(field + " is missing");
    }

    @Test
    void aFieldThatIsNotAStringIsRefused() {
        assertThatThrownBy(() -> SnsMessage.parse("{\"Type\":\"Notification\",\"Message\":{\"a\":1}}"))
                .hasMessage("Message must be a JSON string");
    }

    @Test
    void aRepeatedFieldIsRefusedSoThereIsNoDoubtWhichValueWasSigned() {
        String json = SnsDraft.notification(SENT).json().replaceFirst("\\{", "{\"Message\":\"first\",");

        assertThatThrownBy(() -> SnsMessage.parse(json))
                .isInstanceOf(SnsVerificationException.class)
                .hasMessageContaining("Duplicate field 'Message'");
    }
}
