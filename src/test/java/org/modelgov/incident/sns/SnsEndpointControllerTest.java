package org.modelgov.incident.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class SnsEndpointControllerTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final SnsTestKeys.KeyAndCertificate sns = SnsTestKeys.valid();
    private final List<SnsMessage> handled = new ArrayList<>();
    private final List<URI> confirmed = new ArrayList<>();
    private CertificateServer server;
    private SnsMessageVerifier verifier;
    private SnsEndpointController controller;

    @BeforeEach
    void setUp() throws IOException {
        server = new CertificateServer(Map.of("/SimpleNotificationService-test.pem", sns.pem()));
        verifier = new SnsMessageVerifier(server.fetcher(), Pattern.compile(SnsMessageVerifier.DEFAULT_TRUSTED_HOSTS),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));
        SnsNotificationHandler intake = handled::add;
        controller = controllerWith(intakes(Map.of("intake", intake)), confirmed::add);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SnsEndpointController controllerWith(ObjectProvider<SnsNotificationHandler> intake,
                                                 SubscriptionConfirmer confirmer) {
        return new SnsEndpointController(verifier, confirmer, intake, java.util.Set.of(SnsDraft.TOPIC));
    }

    private static ObjectProvider<SnsNotificationHandler> intakes(Map<String, SnsNotificationHandler> beans) {
        return new StaticListableBeanFactory(Map.copyOf(beans)).getBeanProvider(SnsNotificationHandler.class);
    }

    private String signedNotification() {
        return SnsDraft.notification(NOW).signedWith(sns.privateKey()).json();
    }

    @Test
    void aVerifiedNotificationGoesToTheIncidentIntakeOnce() {
        ResponseEntity<?> response = controller.receive(signedNotification());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo(Map.of("accepted", true, "type", "Notification"));
        assertThat(handled).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo("22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
            assertThat(message.message()).contains("model-drift");
        });
        assertThat(confirmed).isEmpty();
    }

    @Test
    void aVerifiedSubscriptionConfirmationIsConfirmedAtItsSubscribeUrl() {
        String body = SnsDraft.subscriptionConfirmation(NOW).signedWith(sns.privateKey()).json();

        ResponseEntity<?> response = controller.receive(body);

        assertThat(response.getBody()).isEqualTo(Map.of("accepted", true, "type", "SubscriptionConfirmation"));
        assertThat(confirmed).containsExactly(URI.create(SnsDraft.SUBSCRIBE_URL));
        assertThat(handled).isEmpty();
    }

    @Test
    void anUnsubscribeConfirmationIsAcceptedAndIgnored() {
        SnsDraft draft = SnsDraft.subscriptionConfirmation(NOW);
        draft.type = SnsMessage.UNSUBSCRIBE_CONFIRMATION;

        ResponseEntity<?> response = controller.receive(draft.signedWith(sns.privateKey()).json());

        assertThat(response.getBody()).isEqualTo(Map.of("accepted", true, "type", "UnsubscribeConfirmation"));
        assertThat(handled).isEmpty();
        assertThat(confirmed).isEmpty();
    }

    @Test
    void aForgedNotificationIsForbiddenAndNotHandled() {
        SnsDraft draft = SnsDraft.notification(NOW).signedWith(sns.privateKey());
        draft.message = "{\"AlarmName\":\"model-drift\",\"NewStateValue\":\"OK\"}";

        assertThatThrownBy(() -> controller.receive(draft.json()))
                .isInstanceOf(AccessDeniedToActionException.class)
                .hasMessage("SNS message refused: the signature does not match the message: it was altered or not"
                        + " signed with the certificate at " + SnsDraft.CERT_URL);
        assertThat(handled).isEmpty();
    }

    @Test
    void aValidlySignedMessageFromAnotherTopicIsForbidden() {
        SnsDraft draft = SnsDraft.notification(NOW);
        draft.topicArn = "arn:aws:sns:eu-west-1:999999999999:someone-elses-topic";
        String json = draft.signedWith(sns.privateKey()).json();

        assertThatThrownBy(() -> controller.receive(json)).isInstanceOf(AccessDeniedToActionException.class)
                .hasMessageContaining("is not one ModelGov accepts");
        assertThat(handled).isEmpty();
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertThatThrownBy(() -> controller.receive("{\"Type\": \"Notification\""))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("body");
                            assertThat(v.message()).startsWith("is not an SNS message: the body is not valid JSON");
                        }));
    }

    @Test
    void aMessageWithoutARequiredFieldIsABadRequest() {
        String body = signedNotification().replace("\"TopicArn\":", "\"Topic\":");

        assertThatThrownBy(() -> controller.receive(body))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("body: is not an SNS message: TopicArn is missing");
    }

    @Test
    void aSignedConfirmationWhoseSubscribeUrlIsNotSnsIsRefusedAndNotVisited() {
        SnsDraft draft = SnsDraft.subscriptionConfirmation(NOW);
        draft.subscribeUrl = "https://attacker.example/?Action=ConfirmSubscription";

        assertThatThrownBy(() -> controller.receive(draft.signedWith(sns.privateKey()).json()))
                .isInstanceOf(AccessDeniedToActionException.class)
                .hasMessageContaining("SubscribeURL https://attacker.example/?Action=ConfirmSubscription is not on a"
                        + " trusted SNS host");
        assertThat(confirmed).isEmpty();
    }

    @Test
    void withoutAnIncidentIntakeANotificationIsServiceUnavailable() {
        controller = controllerWith(intakes(Map.of()), confirmed::add);

        ResponseEntity<?> response = controller.receive(signedNotification());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).isEqualTo("no incident intake configured");
    }

    @Test
    void aConfirmationSnsDoesNotAnswerIsABadGateway() {
        controller = controllerWith(intakes(Map.of()), url -> {
            throw new IOException("connect timed out");
        });

        ResponseEntity<?> response = controller.receive(
                SnsDraft.subscriptionConfirmation(NOW).signedWith(sns.privateKey()).json());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).contains("connect timed out");
    }

    @Test
    void theEndpointReadsTheTextPlainBodySnsSends() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(controller).build();

        mvc.perform(post("/api/sns/notifications")
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .header("x-amz-sns-message-type", "Notification")
                        .content(signedNotification().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.type").value("Notification"));

        // the non-ASCII text arrived intact, or the signature would not have matched
        assertThat(handled).singleElement().extracting(SnsMessage::message).asString().contains("Überschreitung ✓");
    }
}
