package org.modelgov.aws.sagemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The first call of a fresh SDK client loads and initialises most of the SDK, which on a busy machine takes longer
 * than one attempt may; the tests' timeout and retry counts are about later calls, so one call goes first and is
 * forgotten (stubs and request journal reset).
 */
final class WireWarmUp {

    private WireWarmUp() {
    }

    static void warmUp(WireMockServer server, SageMakerClient client) {
        server.stubFor(post("/").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"ModelPackageSummaryList\": []}")));
        client.listModelPackages(r -> r.maxResults(1));
        server.resetAll();
    }
}
