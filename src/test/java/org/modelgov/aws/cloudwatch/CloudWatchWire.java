package org.modelgov.aws.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.modelgov.aws.sns.SnsWire;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * CloudWatch at the wire level. The SDK 2.40.2 CloudWatch client speaks the AWS query protocol (its marshallers use
 * {@code AwsQueryProtocolFactory}): a form-encoded POST to / with {@code Action=GetMetricData&Version=2010-08-01}
 * and members flattened as {@code MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Name}; answers
 * are XML. {@link #input} turns such a form back into the JSON structure of the service model, so the request can be
 * checked with {@code AwsModelShapes.CLOUDWATCH}; {@link #page} writes a realistic XML answer.
 */
final class CloudWatchWire implements AutoCloseable {

    static final String XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final CloudWatchClient client;

    CloudWatchWire() {
        server.start();
        client = CloudWatchClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "test")))
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(20))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3)
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build()))
                .build();
        // the first call loads most of the SDK; the tests' counts are about later calls
        server.stubFor(post("/").willReturn(xml(200, page(List.of(), null))));
        client.getMetricData(r -> r.startTime(Instant.EPOCH).endTime(Instant.EPOCH.plusSeconds(60))
                .metricDataQueries(q -> q.id("warm").expression("SEARCH('x', 'Sum', 60)")));
        server.resetAll();
    }

    static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    /** One metric's data in an answer. */
    record Result(String id, String label, List<Instant> timestamps, List<Double> values, String statusCode) {
    }

    /** A GetMetricData answer as CloudWatch's query protocol writes it. */
    static String page(List<Result> results, String nextToken) {
        StringBuilder xml = new StringBuilder("<GetMetricDataResponse xmlns=\"" + XMLNS + "\"><GetMetricDataResult>"
                + "<MetricDataResults>");
        for (Result r : results) {
            xml.append("<member><Id>").append(r.id()).append("</Id><Label>").append(r.label()).append("</Label>")
                    .append("<Timestamps>");
            r.timestamps().forEach(t -> xml.append("<member>").append(t).append("</member>"));
            xml.append("</Timestamps><Values>");
            r.values().forEach(v -> xml.append("<member>").append(v).append("</member>"));
            xml.append("</Values><StatusCode>").append(r.statusCode()).append("</StatusCode>");
            if (!r.statusCode().equals("Complete") && !r.statusCode().equals("PartialData")) {
                xml.append("<Messages><member><Code>").append(r.statusCode()).append("</Code><Value>Not available")
                        .append("</Value></member></Messages>");
            }
            xml.append("</member>");
        }
        xml.append("</MetricDataResults><Messages/>");
        if (nextToken != null) {
            xml.append("<NextToken>").append(nextToken).append("</NextToken>");
        }
        return xml.append("</GetMetricDataResult><ResponseMetadata><RequestId>5e4b9f1c-0000-4000-8000-")
                .append(String.format("%012d", results.size())).append("</RequestId></ResponseMetadata>")
                .append("</GetMetricDataResponse>").toString();
    }

    static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>r-err</RequestId></ErrorResponse>";
    }

    /** The form bodies received, in order. */
    List<Map<String, String>> forms() {
        return server.findAll(postRequestedFor(urlEqualTo("/"))).stream().map(r -> SnsWire.form(r.getBodyAsString()))
                .toList();
    }

    /**
     * A query-protocol form as the model's JSON input: Action and Version dropped, {@code X.member.N} as the N-th
     * item (1-based) of list X, dots as nesting; values stay text (the shape check reads numbers, booleans and
     * timestamps from text). A parameter that fits no structure stays as sent, so the check reports it.
     */
    static ObjectNode input(Map<String, String> form) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(form).forEach((name, value) -> {
            if (name.equals("Action") || name.equals("Version")) {
                return;
            }
            String[] parts = name.split("\\.");
            JsonNode node = root;
            for (int i = 0; i < parts.length; i++) {
                boolean last = i == parts.length - 1;
                if (i + 1 < parts.length && parts[i + 1].equals("member")) {
                    ArrayNode list = node.has(parts[i]) ? (ArrayNode) node.get(parts[i])
                            : ((ObjectNode) node).putArray(parts[i]);
                    int index = Integer.parseInt(parts[i + 2]) - 1;
                    while (list.size() <= index) {
                        list.addObject();
                    }
                    if (i + 3 == parts.length) {
                        list.set(index, JsonNodeFactory.instance.textNode(value));
                        return;
                    }
                    node = list.get(index);
                    i += 2;
                } else if (last) {
                    ((ObjectNode) node).put(parts[i], value);
                } else {
                    node = node.has(parts[i]) ? node.get(parts[i]) : ((ObjectNode) node).putObject(parts[i]);
                }
            }
        });
        return root;
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
