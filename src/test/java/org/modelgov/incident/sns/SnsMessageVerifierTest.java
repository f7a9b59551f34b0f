package org.modelgov.incident.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnsMessageVerifierTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final String VALID_PEM = "/SimpleNotificationService-test.pem";
    private static final String EXPIRED_PEM = "/SimpleNotificationService-expired.pem";

    private final SnsTestKeys.KeyAndCertificate sns = SnsTestKeys.valid();
    private CertificateServer server;
    private SnsMessageVerifier verifier;

    @BeforeEach
    void serveCertificates() throws IOException {
        server = new CertificateServer(Map.of(VALID_PEM, sns.pem(), EXPIRED_PEM, SnsTestKeys.expired().pem()));
        verifier = verifierAt(NOW);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SnsMessageVerifier verifierAt(Instant now) {
        return new SnsMessageVerifier(server.fetcher(), Pattern.compile(SnsMessageVerifier.DEFAULT_TRUSTED_HOSTS),
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(1));
    }

    private SnsDraft notification() {
        return SnsDraft.notification(NOW.minusSeconds(30));
    }

    private void assertRefused(SnsMessage message, String reason) {
        assertThatThrownBy(() -> verifier.verify(message))
                .isInstanceOf(SnsVerificationException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "SignatureVersion {0}, with Subject: {1}")
    @CsvSource({"1, true", "1, false", "2, true", "2, false"})
    void aNotificationSignedBySnsIsAccepted(String version, boolean withSubject) {
        SnsDraft draft = notification();
        draft.signatureVersion = version;
        if (!withSubject) {
            draft.subject = null;
        }

        assertThatCode(() -> verifier.verify(draft.signedWith(sns.privateKey()).build())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {SnsMessage.SUBSCRIPTION_CONFIRMATION, SnsMessage.UNSUBSCRIBE_CONFIRMATION})
    void aConfirmationSignedBySnsIsAccepted(String type) {
        SnsDraft draft = SnsDraft.subscriptionConfirmation(NOW.minusSeconds(30));
        draft.type = type;

        assertThatCode(() -> verifier.verify(draft.signedWith(sns.privateKey()).build())).doesNotThrowAnyException();
    }

    @Test
    void theStringToSignIsTheOneAwsDocuments() {
        SnsMessage message = new SnsMessage("Notification", "id-1", null, "arn:t", "Hi", "body", "2024-01-02T03:04:05.678Z",
                "1", "sig", SnsDraft.CERT_URL, null, null);

        assertThat(SnsMessageVerifier.stringToSign(message)).isEqualTo(
                "Message\nbody\nMessageId\nid-1\nSubject\nHi\nTimestamp\n2024-01-02T03:04:05.678Z\nTopicArn\narn:t\n"
                        + "Type\nNotification\n");
    }

    @Test
    void anAlteredMessageIsRefused() {
        SnsDraft draft = notification().signedWith(sns.privateKey());
        draft.message = "{\"AlarmName\":\"model-drift\",\"NewStateValue\":\"OK\"}";

        assertRefused(draft.build(), "the signature does not match the message");
    }

    @Test
    void anAlteredSubjectIsRefused() {
        SnsDraft draft = notification().signedWith(sns.privateKey());
        draft.subject = "OK: nothing to see";

        assertRefused(draft.build(), "the signature does not match the message");
    }

    @Test
    void aSubjectRemovedAfterSigningIsRefused() {
        SnsDraft draft = notification().signedWith(sns.privateKey());
        draft.subject = null;

        assertRefused(draft.build(), "the signature does not match the message");
    }

    @Test
    void anAlteredTopicIsRefused() {
        SnsDraft draft = notification().signedWith(sns.privateKey());
        draft.topicArn = "arn:aws:sns:eu-west-1:999999999999:someone-elses-topic";

        assertRefused(draft.build(), "the signature does not match the message");
    }

    @Test
    void anAlteredSubscribeUrlIsRefused() {
        SnsDraft draft = SnsDraft.subscriptionConfirmation(NOW).signedWith(sns.privateKey());
        draft.subscribeUrl = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=other";

        assertRefused(draft.build(), "the signature does not match the message");
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRefused() {
        SnsMessage message = notification().signedWith(SnsTestKeys.expired().privateKey()).build();

        assertRefused(message, "the signature does not match the message");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://sns.eu-west-1.amazonaws.com.evil.example/x.pem",
            "https://example.com/x.pem",
            "https://evil.example/sns.eu-west-1.amazonaws.com/x.pem",
            "https://xsns.eu-west-1.amazonaws.com/x.pem",
            "https://sns.eu-west-1.amazonaws.com@evil.example/x.pem",
            "https://sns.eu-west-1.amazonaws.com:8443/x.pem"})
    void aCertificateOffATrustedSnsHostIsRefusedWithoutBeingFetched(String certificateUrl) {
        SnsDraft draft = notification().signedWith(sns.privateKey());
        draft.signingCertUrl = certificateUrl;

        assertThatThrownBy(() -> verifier.verify(draft.build()))
                .isInstanceOf(SnsVerificationException.class)
                .hasMessageContaining("SigningCertURL " + certificateUrl);
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void aCertificateOverPlainHttpIsRefused() {
        SnsDraft draft = notification().signedWith(sns.privateKey());
        draft.signingCertUrl = "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem";

        assertRefused(draft.build(), "is not an https URL");
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void aCertificateUrlThatIsNotAPemFileIsRefused() {
        SnsDraft draft = notification().signedWith(sns.privateKey());
        draft.signingCertUrl = "https://sns.eu-west-1.amazonaws.com/?Action=Publish";

        assertRefused(draft.build(), "does not point to a .pem certificate");
    }

    @Test
    void anExpiredCertificateIsRefused() {
        SnsDraft draft = notification();
        draft.signingCertUrl = SnsDraft.EXPIRED_CERT_URL;

        assertRefused(draft.signedWith(SnsTestKeys.expired().privateKey()).build(), "has expired");
        assertThat(server.hits(EXPIRED_PEM)).isEqualTo(1);
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        verifier = verifierAt(twoDaysAgo);

        assertRefused(SnsDraft.notification(twoDaysAgo).signedWith(sns.privateKey()).build(), "is not valid before");
    }

    @Test
    void anUnsignedMessageIsRefused() {
        SnsMessage message = notification().build();

        assertRefused(message, "the message is not signed");
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void aSignatureThatIsNotBase64IsRefused() {
        SnsDraft draft = notification();
        draft.signature = "not base64!";

        assertRefused(draft.build(), "Signature is not base64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "", "SHA256"})
    void anUnknownSignatureVersionIsRefused(String version) {
        SnsDraft draft = notification().signedWith(sns.privateKey(), "SHA256withRSA");
        draft.signatureVersion = version;

        assertRefused(draft.build(), "SignatureVersion '" + version + "' is not supported");
    }

    @Test
    void aVersion1MessageSignedWithSha256IsRefused() {
        SnsMessage message = notification().signedWith(sns.privateKey(), "SHA256withRSA").build();

        assertRefused(message, "the signature does not match the message");
    }

    @Test
    void anUnknownTypeIsRefused() {
        SnsDraft draft = notification().signedWith(sns.privateKey());
        draft.type = "Publish";

        assertRefused(draft.build(), "Type 'Publish' is not an SNS message type");
    }

    @Test
    void aMessageTwoHoursOldIsRefusedAsAPossibleReplay() {
        SnsMessage message = SnsDraft.notification(NOW.minus(Duration.ofHours(2))).signedWith(sns.privateKey()).build();

        assertRefused(message, "too old to accept");
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void aMessageJustWithinTheMaximumAgeIsAccepted() {
        SnsMessage message = SnsDraft.notification(NOW.minus(Duration.ofMinutes(59))).signedWith(sns.privateKey()).build();

        assertThatCode(() -> verifier.verify(message)).doesNotThrowAnyException();
    }

    @Test
    void aMessageFromMoreThanFiveMinutesInTheFutureIsRefused() {
        SnsMessage message = SnsDraft.notification(NOW.plus(Duration.ofMinutes(6))).signedWith(sns.privateKey()).build();

        assertRefused(message, "is in the future");
    }

    @Test
    void aTimestampThatIsNotAnInstantIsRefused() {
        SnsDraft draft = notification();
        draft.timestamp = "yesterday";

        assertRefused(draft.signedWith(sns.privateKey()).build(), "Timestamp 'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void theCertificateIsFetchedOnceForMessagesSignedWithIt() {
        verifier.verify(notification().signedWith(sns.privateKey()).build());
        SnsDraft second = notification();
        second.messageId = "second";
        second.signatureVersion = "2";
        verifier.verify(second.signedWith(sns.privateKey()).build());

        assertThat(server.hits(VALID_PEM)).isEqualTo(1);
    }

    @Test
    void aCertificateThatCannotBeFetchedIsRefused() {
        SnsDraft draft = notification();
        draft.signingCertUrl = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-missing.pem";

        assertRefused(draft.signedWith(sns.privateKey()).build(), "could not be fetched");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:eu-west-1:1:t&Token=x",
            "https://sns.cn-north-1.amazonaws.com.cn/?Action=ConfirmSubscription&Token=x"})
    void aSubscribeUrlOnSnsIsAccepted(String url) {
        assertThatCode(() -> verifier.checkSubscribeUrl(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=x",
            "https://example.com/?Action=ConfirmSubscription",
            "https://sns.eu-west-1.amazonaws.com.evil.example/?Action=ConfirmSubscription",
            "https://169.254.169.254/latest/meta-data/",
            "not a url at all"})
    void aSubscribeUrlOffSnsIsRefusedEvenWhenCertificateHostsAreRelaxed(String url) {
        SnsMessageVerifier relaxed = new SnsMessageVerifier(server.fetcher(), Pattern.compile(".*"),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

        assertThatThrownBy(() -> relaxed.checkSubscribeUrl(url))
                .isInstanceOf(SnsVerificationException.class)
                .hasMessageContaining("SubscribeURL");
    }
}
