package org.modelgov.aws.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelgov.abtest.AbTestProperties;
import org.modelgov.abtest.VariantSeries;
import org.modelgov.aws.AwsModelShapes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The CloudWatch adapter against WireMock: every GetMetricData request decoded from the query protocol and checked
 * against the CloudWatch ("monitoring") service model; pages followed; units converted; failures reported.
 */
class CloudWatchVariantMetricsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final AbTestProperties PROPERTIES = new AbTestProperties(Duration.ofMinutes(5), "Credit/Business",
            List.of(new AbTestProperties.BusinessMetric("approval_rate", true)), 8);

    private final CloudWatchWire wire = new CloudWatchWire();
    private final CloudWatchVariantMetrics metrics = new CloudWatchVariantMetrics(wire.client, PROPERTIES);

    @AfterEach
    void close() {
        wire.close();
    }

    private static List<Instant> at(int... minutes) {
        return java.util.Arrays.stream(minutes).mapToObj(m -> T0.plus(Duration.ofMinutes(m))).toList();
    }

    private void answer(String body) {
        wire.server.stubFor(post(urlEqualTo("/")).willReturn(CloudWatchWire.xml(200, body)));
    }

    /** Every request is GetMetricData in the query protocol, signed for monitoring, and fits the service model. */
    private List<ObjectNode> checkedRequests() {
        wire.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/")))
                .forEach(r -> {
                    assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
                    assertThat(r.getHeader("Authorization")).contains("/eu-west-1/monitoring/");
                });
        List<ObjectNode> inputs = wire.forms().stream().map(form -> {
            assertThat(form).containsEntry("Action", "GetMetricData").containsEntry("Version", "2010-08-01");
            ObjectNode input = CloudWatchWire.input(form);
            assertThat(AwsModelShapes.CLOUDWATCH.violations("GetMetricData", input)).as(input.toString()).isEmpty();
            // the model sets no pattern on MetricId; CloudWatch's documentation does: a lower-case letter first
            input.path("MetricDataQueries").forEach(q -> assertThat(q.path("Id").asText()).matches("[a-z][a-zA-Z0-9_]*"));
            return input;
        }).toList();
        return inputs;
    }

    @Test
    void oneCallReadsSageMakersPerVariantMetricsAndTheBusinessMetricWithLatencyInMilliseconds() {
        answer(CloudWatchWire.page(List.of(
                new CloudWatchWire.Result("m0", "Invocations", at(5, 0), List.of(1200.0, 1000.0), "Complete"),
                new CloudWatchWire.Result("m1", "Invocation5XXErrors", at(0, 5), List.of(3.0, 0.0), "Complete"),
                new CloudWatchWire.Result("m2", "ModelLatency", at(0, 5), List.of(41500.0, 39250.0), "Complete"),
                new CloudWatchWire.Result("m3", "business:approval_rate", at(0), List.of(0.61), "Complete")), null));

        VariantSeries series = metrics.read("credit-prod", "challenger-v2",
                List.of("Invocation5XXErrors", "ModelLatency", "business:*"), T0, T0.plus(Duration.ofHours(24)));

        assertThat(series.variantName()).isEqualTo("challenger-v2");
        // in time order whatever order CloudWatch answered in
        assertThat(series.of("Invocations")).containsExactly(new VariantSeries.Sample(T0, 1000),
                new VariantSeries.Sample(T0.plusSeconds(300), 1200));
        assertThat(series.of("ModelLatency")).extracting(VariantSeries.Sample::value).containsExactly(41.5, 39.25);
        assertThat(series.of("business:approval_rate")).extracting(VariantSeries.Sample::value).containsExactly(0.61);

        List<ObjectNode> requests = checkedRequests();
        assertThat(requests).hasSize(1);
        JsonNode request = requests.get(0);
        assertThat(request.path("StartTime").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(request.path("EndTime").asText()).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(request.path("ScanBy").asText()).isEqualTo("TimestampAscending");
        JsonNode queries = request.path("MetricDataQueries");
        assertThat(queries).hasSize(4);
        assertThat(queries.findValuesAsText("Id")).containsExactly("m0", "m1", "m2", "m3");
        assertThat(queries.findValues("MetricName")).extracting(JsonNode::asText)
                .containsExactly("Invocations", "Invocation5XXErrors", "ModelLatency", "approval_rate");
        assertThat(queries.findValues("Stat")).extracting(JsonNode::asText)
                .containsExactly("Sum", "Sum", "Average", "Average");
        assertThat(queries.findValues("Namespace")).extracting(JsonNode::asText)
                .containsExactly("AWS/SageMaker", "AWS/SageMaker", "AWS/SageMaker", "Credit/Business");
        JsonNode stat = queries.get(2).path("MetricStat");
        assertThat(stat.path("Period").asText()).isEqualTo("300");
        assertThat(stat.path("Metric").path("Dimensions").toString()).isEqualTo(
                "[{\"Name\":\"EndpointName\",\"Value\":\"credit-prod\"},{\"Name\":\"VariantName\",\"Value\":\"challenger-v2\"}]");
    }

    @Test
    void partialDataIsFollowedThroughEveryPageAndTheValuesAreJoined() {
        wire.server.stubFor(post(urlEqualTo("/")).inScenario("pages").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(CloudWatchWire.xml(200, CloudWatchWire.page(List.of(
                        new CloudWatchWire.Result("m0", "Invocations", at(0, 5), List.of(10.0, 11.0), "PartialData"),
                        new CloudWatchWire.Result("m1", "ModelLatency", at(0), List.of(40000.0), "PartialData")),
                        "token-1")))
                .willSetStateTo("second"));
        wire.server.stubFor(post(urlEqualTo("/")).inScenario("pages").whenScenarioStateIs("second")
                .withRequestBody(containing("NextToken=token-1"))
                .willReturn(CloudWatchWire.xml(200, CloudWatchWire.page(List.of(
                        new CloudWatchWire.Result("m0", "Invocations", at(10), List.of(12.0), "Complete"),
                        new CloudWatchWire.Result("m1", "ModelLatency", at(5, 10), List.of(41000.0, 42000.0),
                                "Complete")), null))));

        VariantSeries series = metrics.read("credit-prod", "champion-v1", List.of("ModelLatency"), T0,
                T0.plus(Duration.ofMinutes(15)));

        assertThat(series.of("Invocations")).extracting(VariantSeries.Sample::value).containsExactly(10.0, 11.0, 12.0);
        assertThat(series.of("ModelLatency")).extracting(VariantSeries.Sample::value).containsExactly(40.0, 41.0, 42.0);
        List<ObjectNode> requests = checkedRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).has("NextToken")).isFalse();
        assertThat(requests.get(1).path("NextToken").asText()).isEqualTo("token-1");
        // the same queries on every page
        assertThat(requests.get(1).path("MetricDataQueries")).isEqualTo(requests.get(0).path("MetricDataQueries"));
    }

    @Test
    void theWindowIsNarrowedToWholePeriodsAndAnEmptyWindowCallsNothing() {
        answer(CloudWatchWire.page(List.of(), null));

        VariantSeries series = metrics.read("credit-prod", "v1", List.of("ModelLatency"),
                T0.plusSeconds(61).plusNanos(5), T0.plus(Duration.ofMinutes(31)));

        assertThat(series.of("ModelLatency")).isEmpty();
        assertThat(series.metrics()).containsOnlyKeys("Invocations", "ModelLatency");
        JsonNode request = checkedRequests().get(0);
        assertThat(request.path("StartTime").asText()).isEqualTo("2026-12-01T10:05:00Z");
        assertThat(request.path("EndTime").asText()).isEqualTo("2026-12-01T10:30:00Z");

        wire.server.resetRequests();
        assertThat(metrics.read("credit-prod", "v1", List.of("ModelLatency"), T0.plusSeconds(10), T0.plusSeconds(290))
                .of("ModelLatency")).isEmpty();
        assertThat(wire.forms()).isEmpty();
    }

    @Test
    void aMetricModelGovDoesNotKnowIsAnsweredEmptyWithoutBeingAskedFor() {
        answer(CloudWatchWire.page(List.of(
                new CloudWatchWire.Result("m0", "Invocations", at(0), List.of(5.0), "Complete")), null));

        VariantSeries series = metrics.read("credit-prod", "v1", List.of("CPUUtilization", "business:unknown"), T0,
                T0.plus(Duration.ofHours(1)));

        assertThat(series.of("CPUUtilization")).isEmpty();
        assertThat(series.metrics()).containsKeys("CPUUtilization", "business:unknown");
        assertThat(checkedRequests().get(0).path("MetricDataQueries")).hasSize(1);
    }

    @Test
    void aMetricCloudWatchCouldNotReadFailsTheReadWithItsStatus() {
        answer(CloudWatchWire.page(List.of(
                new CloudWatchWire.Result("m0", "Invocations", at(0), List.of(5.0), "Complete"),
                new CloudWatchWire.Result("m1", "ModelLatency", List.of(), List.of(), "Forbidden")), null));

        assertThatThrownBy(() -> metrics.read("credit-prod", "v1", List.of("ModelLatency"), T0,
                T0.plus(Duration.ofHours(1))))
                .isInstanceOf(CloudWatchReadFailed.class)
                .hasMessageContaining("ModelLatency").hasMessageContaining("endpoint credit-prod, variant v1")
                .hasMessageContaining("Forbidden");
    }

    @Test
    void aRefusedCallIsReportedWithCloudWatchsReasonAndThrottlingIsRetried() {
        wire.server.stubFor(post(urlEqualTo("/")).willReturn(CloudWatchWire.xml(400,
                CloudWatchWire.error("InvalidParameterValue", "The parameter StartTime must be before EndTime"))));
        assertThatThrownBy(() -> metrics.read("credit-prod", "v1", List.of(), T0, T0.plus(Duration.ofHours(1))))
                .isInstanceOf(CloudWatchReadFailed.class)
                .hasMessageContaining("GetMetricData failed for endpoint credit-prod, variant v1")
                .hasMessageContaining("InvalidParameterValue");
        assertThat(wire.forms()).hasSize(1);

        wire.server.resetAll();
        wire.server.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(CloudWatchWire.xml(400, CloudWatchWire.error("Throttling", "Rate exceeded")))
                .willSetStateTo("calm"));
        wire.server.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(CloudWatchWire.xml(200, CloudWatchWire.page(List.of(
                        new CloudWatchWire.Result("m0", "Invocations", at(0), List.of(7.0), "Complete")), null))));
        assertThat(metrics.read("credit-prod", "v1", List.of(), T0, T0.plus(Duration.ofHours(1))).of("Invocations"))
                .extracting(VariantSeries.Sample::value).containsExactly(7.0);
        assertThat(checkedRequests()).hasSize(2);
    }

    @Test
    void businessMetricsWithoutANamespaceAreRefusedAtStartUp() {
        CloudWatchClient client = wire.client;
        assertThatThrownBy(() -> new CloudWatchVariantMetrics(client, new AbTestProperties(Duration.ofMinutes(5), " ",
                List.of(new AbTestProperties.BusinessMetric("approval_rate", true)), 8)))
                .hasMessageContaining("modelgov.abtest.business-namespace");
    }

    @Test
    void theDecodedFormIsReallyCheckedAgainstTheModel() {
        // the check can fail: a missing required member, an unknown one and a wrong enum value are all reported
        ObjectNode bad = CloudWatchWire.input(Map.of("Action", "GetMetricData", "MetricDataQueries.member.1.Id", "m0",
                "MetricDataQueries.member.1.MetricStat.Period", "300", "ScanBy", "Sideways", "Colour", "red",
                "StartTime", "2026-12-01T10:00:00Z"));
        assertThat(AwsModelShapes.CLOUDWATCH.violations("GetMetricData", bad)).anySatisfy(v -> assertThat(v)
                .contains("EndTime: required")).anySatisfy(v -> assertThat(v).contains("Colour: not a member"))
                .anySatisfy(v -> assertThat(v).contains("'Sideways' is not one of"))
                .anySatisfy(v -> assertThat(v).contains("MetricStat.Metric: required"));
    }
}
