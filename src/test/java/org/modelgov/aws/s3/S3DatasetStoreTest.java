package org.modelgov.aws.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.validation.DatasetRefused;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 datasets against a fake S3: only the configured locations are read, and requests fit S3's service model. */
class S3DatasetStoreTest {

    @RegisterExtension
    static WireMockExtension s3 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CSV = "age,approved,predicted\n30,1,1\n";

    private S3DatasetStore store() {
        S3Client client = S3Client.builder().endpointOverride(URI.create(s3.baseUrl())).forcePathStyle(true)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "x")))
                .build();
        return new S3DatasetStore(client, List.of("s3://ml-data/credit/", "s3://ml-reports/"));
    }

    @Test
    void anObjectUnderAConfiguredLocationIsStreamedWithARequestThatFitsS3sModel() throws IOException {
        s3.stubFor(get(urlPathEqualTo("/ml-data/credit/2026/evaluation.csv"))
                .willReturn(aResponse().withStatus(200).withBody(CSV)));
        s3.stubFor(head(urlPathEqualTo("/ml-data/credit/2026/evaluation.csv"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Length", String.valueOf(CSV.length()))));
        URI uri = URI.create("s3://ml-data/credit/2026/evaluation.csv");
        try (InputStream in = store().open(uri)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CSV);
        }
        assertThat(store().size(uri)).isEqualTo(CSV.length());

        JsonNode model = new ObjectMapper().readTree(getClass().getResourceAsStream(
                "/aws-models/s3-2006-03-01.normal.json"));
        for (LoggedRequest request : s3.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
            String operation = request.getMethod().getName().equals("GET") ? "GetObject" : "HeadObject";
            JsonNode http = model.path("operations").path(operation).path("http");
            assertThat(request.getMethod().getName()).isEqualTo(http.path("method").asText());
            // requestUri /{Bucket}/{Key+}: bucket, then the whole key
            assertThat(http.path("requestUri").asText()).isEqualTo("/{Bucket}/{Key+}");
            assertThat(request.getUrl()).startsWith("/ml-data/credit/2026/evaluation.csv");
            assertThat(model.path("shapes").path(operation + "Request").path("required").toString())
                    .contains("Bucket", "Key");
        }
    }

    @Test
    void anythingElseIsRefusedWithoutAskingS3() {
        for (String outside : List.of("s3://ml-data/other/x.csv", "s3://other-bucket/credit/x.csv",
                "s3://ml-data/credit/../secrets/key.pem", "s3://ml-data/credit//x.csv", "s3://ML_DATA/credit/x.csv",
                "s3://ml-data/credit/x.csv?versionId=1")) {
            assertThatThrownBy(() -> store().open(URI.create(outside))).as(outside)
                    .isInstanceOf(DatasetRefused.class);
        }
        assertThatThrownBy(() -> store().checkLocation(URI.create("s3://ml-data/other/x.csv")))
                .hasMessageContaining("s3://ml-data/credit/, s3://ml-reports/");
        assertThat(s3.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMissingOrForbiddenObjectIsAPlainRefusal() {
        s3.stubFor(get(urlPathEqualTo("/ml-data/credit/missing.csv")).willReturn(aResponse().withStatus(404)
                .withBody("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")));
        s3.stubFor(get(urlPathEqualTo("/ml-data/credit/locked.csv")).willReturn(aResponse().withStatus(403)
                .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));
        assertThatThrownBy(() -> store().open(URI.create("s3://ml-data/credit/missing.csv")))
                .isInstanceOf(DatasetRefused.class).hasMessageContaining("names no object");
        assertThatThrownBy(() -> store().open(URI.create("s3://ml-data/credit/locked.csv")))
                .isInstanceOf(DatasetRefused.class).hasMessageContaining("access denied");
        assertThat(store().size(URI.create("s3://ml-data/other/x.csv"))).isEqualTo(-1);
    }
}
