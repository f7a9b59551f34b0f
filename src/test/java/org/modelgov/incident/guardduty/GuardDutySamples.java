package org.modelgov.incident.guardduty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GuardDuty finding events as EventBridge delivers them (src/test/resources/guardduty): the structure of GuardDuty's
 * documented sample findings (CreateSampleFindings, the EventBridge event format), with names of this test's world.
 */
public final class GuardDutySamples {

    public static final String EXFILTRATION_S3 = "exfiltration-s3-anomalous-behavior.json";
    public static final String CREDENTIAL_ACCESS_ROLE = "credential-access-assumed-role.json";
    public static final String DISCOVERY_S3 = "discovery-s3-malicious-ip-caller.json";
    public static final String POLICY_S3 = "policy-s3-block-public-access-disabled.json";
    public static final String BITCOIN_EC2 = "cryptocurrency-ec2-bitcoin-tool-dns.json";
    public static final String IMPACT_ENDPOINT = "impact-sagemaker-endpoint-critical.json";
    public static final String CREDENTIAL_EXFILTRATION_ROLE = "instance-credential-exfiltration-outside-aws.json";
    public static final List<String> ALL = List.of(EXFILTRATION_S3, CREDENTIAL_ACCESS_ROLE, DISCOVERY_S3, POLICY_S3,
            BITCOIN_EC2, IMPACT_ENDPOINT, CREDENTIAL_EXFILTRATION_ROLE);

    /** The names the samples use, for tests to replace with their own. */
    public static final String ENDPOINT = "credit-scoring-prod";
    public static final String TRAINING_BUCKET = "credit-scoring-training";
    public static final String MONITORING_BUCKET = "credit-scoring-monitoring";
    public static final String ARTIFACT_BUCKET = "credit-scoring-artifacts";
    public static final String EXECUTION_ROLE = "AmazonSageMaker-ExecutionRole-credit";

    private GuardDutySamples() {
    }

    public static String read(String name) {
        try (InputStream in = GuardDutySamples.class.getResourceAsStream("/guardduty/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no sample /guardduty/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
