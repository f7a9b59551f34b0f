package org.modelgov.incident.guardduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.modelgov.aws.AwsModelShapes;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.Sha256;

/** Reading GuardDuty finding events: the samples against the service model, the resources named, the refusals. */
class GuardDutyEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SAMPLES = GuardDutySamples.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("SAMPLES")
    void eachSampleIsAGuardDutyFindingEventWhoseDetailFitsTheFindingShape(String sample) throws Exception {
        String json = GuardDutySamples.read(sample);
        JsonNode detail = JSON.readTree(json).path("detail");

        List<String> violations = AwsModelShapes.GUARDDUTY.wireViolations("Finding", detail);
        if (sample.equals(GuardDutySamples.CREDENTIAL_EXFILTRATION_ROLE)) {
            // the model caps FindingType at 50 characters; GuardDuty's own type names can be longer (68 here)
            assertThat(violations).containsExactly("Finding.type: more than 50 characters");
        } else {
            assertThat(violations).isEmpty();
        }
        assertThat(GuardDutyEvent.isGuardDutyFinding(json)).isTrue();
        GuardDutyEvent event = GuardDutyEvent.parse(json);
        assertThat(event.finding().id()).isEqualTo(detail.path("id").asText());
        assertThat(event.finding().type()).isEqualTo(detail.path("type").asText());
        assertThat(event.finding().severity()).isEqualTo(detail.path("severity").asDouble());
        assertThat(event.finding().count()).isEqualTo(detail.path("service").path("count").asInt());
        assertThat(event.sha256()).isEqualTo(Sha256.hex(json));
    }

    @Test
    void theResourcesEachSampleNames() {
        assertThat(resources(GuardDutySamples.EXFILTRATION_S3))
                .isEqualTo(new GuardDutyFinding.Resources(Set.of(), Set.of("credit-scoring-training"), Set.of()));
        assertThat(resources(GuardDutySamples.DISCOVERY_S3))
                .isEqualTo(new GuardDutyFinding.Resources(Set.of(), Set.of("credit-scoring-monitoring"), Set.of()));
        assertThat(resources(GuardDutySamples.POLICY_S3))
                .isEqualTo(new GuardDutyFinding.Resources(Set.of(), Set.of("credit-scoring-artifacts"), Set.of()));
        // an AssumedRole's user name is the role's name; an IAM user is no role
        assertThat(resources(GuardDutySamples.CREDENTIAL_ACCESS_ROLE)).isEqualTo(new GuardDutyFinding.Resources(
                Set.of(), Set.of(), Set.of("AmazonSageMaker-ExecutionRole-credit")));
        assertThat(resources(GuardDutySamples.CREDENTIAL_EXFILTRATION_ROLE)).isEqualTo(new GuardDutyFinding.Resources(
                Set.of(), Set.of(), Set.of("AmazonSageMaker-ExecutionRole-credit")));
        // the endpoint's ARN in the API call's affected resources
        assertThat(resources(GuardDutySamples.IMPACT_ENDPOINT))
                .isEqualTo(new GuardDutyFinding.Resources(Set.of("credit-scoring-prod"), Set.of(), Set.of()));
        // an instance profile is not a role ARN: nothing a model uses
        assertThat(resources(GuardDutySamples.BITCOIN_EC2).isEmpty()).isTrue();
    }

    @Test
    void endpointTagsAndRoleArnsAnywhereNameResourcesToo() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(GuardDutySamples.read(GuardDutySamples.BITCOIN_EC2));
        ObjectNode instance = (ObjectNode) event.path("detail").path("resource").path("instanceDetails");
        instance.withArray("tags").addObject().put("key", "sagemaker:endpoint-name").put("value", "fraud-prod");
        ((ObjectNode) event.path("detail").path("service")).putObject("additionalInfo")
                .put("value", "{\"role\":\"arn:aws:iam::123456789012:role/service-role/fraud-exec\"}")
                .put("type", "default");

        GuardDutyFinding.Resources named = GuardDutyEvent.parse(event.toString()).finding().resources();

        assertThat(named.endpoints()).containsExactly("fraud-prod");
        assertThat(named.roles()).containsExactly("fraud-exec");
    }

    @Test
    void theApiModelsMemberNamesAreReadToo() throws Exception {
        String pascal = "{\"source\":\"aws.guardduty\",\"detail-type\":\"GuardDuty Finding\",\"detail\":{\"Id\":\"x1\","
                + "\"Type\":\"Discovery:S3/MaliciousIPCaller\",\"Severity\":5.0,"
                + "\"Resource\":{\"ResourceType\":\"S3Bucket\","
                + "\"S3BucketDetails\":[{\"Name\":\"pascal-bucket\"}]},\"Service\":{\"Count\":2}}}";

        GuardDutyFinding finding = GuardDutyEvent.parse(pascal).finding();

        assertThat(finding.id()).isEqualTo("x1");
        assertThat(finding.count()).isEqualTo(2);
        assertThat(finding.resources().buckets()).containsExactly("pascal-bucket");
    }

    @Test
    void aFindingWithoutIdTypeSeverityOrResourceIsRefusedNamingEachWithoutQuotingThePayload() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(GuardDutySamples.read(GuardDutySamples.EXFILTRATION_S3));
        ObjectNode detail = (ObjectNode) event.path("detail");
        detail.remove(List.of("id", "type", "resource"));
        detail.put("severity", 11);

        assertThatThrownBy(() -> GuardDutyEvent.parse(event.toString()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field)
                            .containsExactly("detail.id", "detail.type", "detail.severity", "detail.resource");
                    assertThat(e.violations().toString()).doesNotContain("credit-scoring-training", "data-eng-ci");
                });
    }

    @Test
    void otherEventsListsAndBrokenJsonAreRefused() {
        assertThat(fields("{\"source\":\"aws.cloudwatch\",\"detail-type\":\"CloudWatch Alarm State Change\","
                + "\"detail\":{}}")).contains("source", "detail-type");
        assertThat(fields("[" + GuardDutySamples.read(GuardDutySamples.DISCOVERY_S3) + "]")).containsExactly("body");
        assertThat(fields("{\"source\": \"aws.guardduty\", \"secret\": \"s3cr3t\"")).containsExactly("body");
        assertThatThrownBy(() -> GuardDutyEvent.parse("{\"source\": \"aws.guardduty\", \"secret\": \"s3cr3t\""))
                .hasMessageNotContaining("s3cr3t")
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().toString())
                        .doesNotContain("s3cr3t"));
        assertThat(fields("")).containsExactly("body");
        assertThat(fields("{\"source\":\"aws.guardduty\",\"detail-type\":\"GuardDuty Finding\","
                + "\"detail\":\"not an object\"}")).containsExactly("detail");
        assertThat(fields("{\"source\":\"aws.guardduty\",\"source\":\"aws.guardduty\"}")).containsExactly("body");
    }

    @Test
    void onlyGuardDutyFindingEventsAreTakenFromSns() {
        assertThat(GuardDutyEvent.isGuardDutyFinding(GuardDutySamples.read(GuardDutySamples.POLICY_S3))).isTrue();
        assertThat(GuardDutyEvent.isGuardDutyFinding("{\"AlarmName\":\"x\",\"NewStateValue\":\"ALARM\"}")).isFalse();
        assertThat(GuardDutyEvent.isGuardDutyFinding("{\"source\":\"aws.guardduty\",\"detail-type\":"
                + "\"GuardDuty Runtime Protection Unhealthy\"}")).isFalse();
        assertThat(GuardDutyEvent.isGuardDutyFinding("aws.guardduty, not JSON")).isFalse();
        assertThat(GuardDutyEvent.isGuardDutyFinding(null)).isFalse();
    }

    private static GuardDutyFinding.Resources resources(String sample) {
        return GuardDutyEvent.parse(GuardDutySamples.read(sample)).finding().resources();
    }

    private static List<String> fields(String body) {
        try {
            GuardDutyEvent.parse(body);
        } catch (InvalidInputException e) {
            return e.violations().stream().map(FieldViolation::field).toList();
        }
        throw new AssertionError("accepted: " + body);
    }
}
