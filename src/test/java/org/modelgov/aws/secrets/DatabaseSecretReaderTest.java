package org.modelgov.aws.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelgov.aws.AwsModelShapes;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The database secret read from Secrets Manager at the wire (JSON 1.1, {@code X-Amz-Target:
 * secretsmanager.GetSecretValue}): every request fits the service model, the RDS format is understood, and no
 * failure or log line carries the secret's value.
 */
class DatabaseSecretReaderTest {

    static final String SECRET_ID = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:modelgov/db-AbCdEf";
    private static final String PASSWORD = "s3cr3t-Pa55-" + java.util.UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final SecretsManagerClient client;
    private final CapturedLogs logs = new CapturedLogs();

    DatabaseSecretReaderTest() {
        server.start();
        client = secretsManagerAt(server);
    }

    static SecretsManagerClient secretsManagerAt(WireMockServer server) {
        SecretsManagerClient client = SecretsManagerClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "test")))
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(20))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2)
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build()))
                .build();
        return client;
    }

    @AfterEach
    void checkAndClose() {
        try {
            for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/")))) {
                assertThat(request.getHeader("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
                assertThat(request.getHeader("Content-Type")).startsWith("application/x-amz-json-1.1");
                assertThat(request.getHeader("Authorization")).contains("/eu-west-1/secretsmanager/");
                assertThat(AwsModelShapes.SECRETS_MANAGER.violations("GetSecretValue", request.getBodyAsString()))
                        .as(request.getBodyAsString()).isEmpty();
            }
            logs.assertNoneContains(PASSWORD);
        } finally {
            logs.close();
            client.close();
            server.stop();
        }
    }

    /** Answers GetSecretValue with this SecretString. */
    static void secretIs(WireMockServer server, String secretString) {
        ObjectNode answer = JSON.createObjectNode().put("ARN", SECRET_ID).put("Name", "modelgov/db")
                .put("VersionId", "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE").put("SecretString", secretString)
                .put("CreatedDate", 1.7172E9);
        answer.putArray("VersionStages").add("AWSCURRENT");
        server.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(answer.toString())));
    }

    private void fails(int status, String type, String message) {
        server.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"" + type + "\", \"message\": \"" + message + "\"}")));
    }

    @Test
    void anRdsSecretGivesUserPasswordAndWhereTheDatabaseIs() {
        secretIs(server, "{\"username\": \"modelgov_app\", \"password\": \"" + PASSWORD + "\", \"engine\": \"postgres\","
                + " \"host\": \"modelgov.cluster-abc.eu-west-1.rds.amazonaws.com\", \"port\": 5432, \"dbname\": \"modelgov\"}");

        DatabaseSecret secret = new DatabaseSecretReader(client, SECRET_ID).get();

        assertThat(secret).isEqualTo(new DatabaseSecret("modelgov_app", PASSWORD, "postgres",
                "modelgov.cluster-abc.eu-west-1.rds.amazonaws.com", 5432, "modelgov"));
        assertThat(secret.toString()).doesNotContain(PASSWORD).contains("modelgov_app");
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).singleElement().satisfies(r ->
                assertThat(JSON.readTree(r.getBodyAsString()).path("SecretId").asText()).isEqualTo(SECRET_ID));
    }

    @Test
    void aSecretWithOnlyUserAndPasswordAndAPortAsTextIsEnough() {
        secretIs(server, "{\"username\": \"u\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(new DatabaseSecretReader(client, SECRET_ID).get())
                .isEqualTo(new DatabaseSecret("u", PASSWORD, null, null, null, null));

        secretIs(server, "{\"username\": \"u\", \"password\": \"" + PASSWORD + "\", \"host\": \"db\", \"port\": \"6432\"}");
        assertThat(new DatabaseSecretReader(client, SECRET_ID).get().port()).isEqualTo(6432);
    }

    @Test
    void aSecretThatIsNotJsonIsRefusedWithoutQuotingIt() {
        secretIs(server, "user=modelgov password=" + PASSWORD);

        assertThatThrownBy(() -> new DatabaseSecretReader(client, SECRET_ID).get())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(SECRET_ID).hasMessageContaining("not JSON")
                .hasNoCause().satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void aSecretWithoutUsernameIsRefusedWithoutQuotingIt() {
        secretIs(server, "{\"user\": \"modelgov\", \"password\": \"" + PASSWORD + "\"}");

        assertThatThrownBy(() -> new DatabaseSecretReader(client, SECRET_ID).get())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no username")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void aRefusedReadNamesTheSecretAndAwsReason() {
        fails(400, "AccessDeniedException", "User is not authorized to perform: secretsmanager:GetSecretValue");

        assertThatThrownBy(() -> new DatabaseSecretReader(client, SECRET_ID).get())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(SECRET_ID)
                .hasMessageContaining("AccessDeniedException").hasMessageContaining("secretsmanager:GetSecretValue");
    }

    @Test
    void aSecretEncryptedWithAKeyWeMayNotUseNamesKms() {
        fails(400, "DecryptionFailure", "Access to KMS is not allowed");

        assertThatThrownBy(() -> new DatabaseSecretReader(client, SECRET_ID).get())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DecryptionFailure")
                .hasMessageContaining("KMS");
    }
}
