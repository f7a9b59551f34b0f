package org.modelgov.aws.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.inventory.SecurityPosture;
import org.modelgov.inventory.ValidationInputs;
import org.modelgov.inventory.VersionStatus;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The posture technical validation checks is what SageMaker has: endpoint config, model and training job. */
class SageMakerSecurityPostureTest {

    private static final String ENDPOINT = "churn-prod";
    private static final String PACKAGE = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3";
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final SecurityPosture DECLARED = new SecurityPosture(KEY, true, true, true, true);

    private final SageMakerWire aws = new SageMakerWire();
    private final SageMakerSecurityPosture postures = new SageMakerSecurityPosture(aws.client);

    @AfterEach
    void checkRequestsAndClose() {
        try {
            aws.assertEveryRequestFitsTheAwsModel();
        } finally {
            aws.close();
        }
    }

    private static Model model(String endpointName) {
        return new Model("CUST-CHURN-001", "Churn", "retention", RiskTier.HIGH, "olivia", "crm",
                new Deployment(endpointName, PACKAGE), "retention offers", null, ModelStatus.IN_REVIEW,
                LocalDate.of(2026, 1, 1), "olivia", Instant.EPOCH, Instant.EPOCH, 1);
    }

    private static ModelVersion version(String modelPackageArn) {
        return new ModelVersion("CUST-CHURN-001:3", "CUST-CHURN-001", 3, "v3", "", modelPackageArn, null, null,
                new ValidationInputs(null, null, null, null, DECLARED), VersionStatus.IN_REVIEW, "olivia", Instant.EPOCH);
    }

    private void endpoint() {
        aws.answer("DescribeEndpoint", "{\"EndpointName\": \"churn-prod\", \"EndpointArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint/churn-prod\", \"EndpointConfigName\":"
                + " \"churn-prod-config-7\", \"EndpointStatus\": \"InService\", \"CreationTime\": 1717200000,"
                + " \"LastModifiedTime\": 1717200000}");
    }

    private void endpointConfig(String kmsKey, boolean capture) {
        aws.answer("DescribeEndpointConfig", "{\"EndpointConfigName\": \"churn-prod-config-7\", \"EndpointConfigArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint-config/churn-prod-config-7\", \"CreationTime\": 1717200000,"
                + (kmsKey == null ? "" : " \"KmsKeyId\": \"" + kmsKey + "\",")
                + " \"DataCaptureConfig\": {\"EnableCapture\": " + capture + ", \"InitialSamplingPercentage\": 100,"
                + " \"DestinationS3Uri\": \"s3://capture/churn\", \"CaptureOptions\": [{\"CaptureMode\": \"Input\"}]},"
                + " \"ProductionVariants\": [{\"VariantName\": \"fallback\", \"ModelName\": \"churn-rules-v1\","
                + " \"InitialVariantWeight\": 0}, {\"VariantName\": \"primary\", \"ModelName\": \"churn-xgb-3\","
                + " \"InitialVariantWeight\": 1}]}");
    }

    private void sageMakerModel(boolean isolation, boolean vpc) {
        aws.answer("DescribeModel", "{\"ModelName\": \"churn-xgb-3\", \"ModelArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:model/churn-xgb-3\", \"CreationTime\": 1717200000,"
                + " \"EnableNetworkIsolation\": " + isolation
                + (vpc ? ", \"VpcConfig\": {\"SecurityGroupIds\": [\"sg-0123456789abcdef0\"], \"Subnets\": [\"subnet-0123456789abcdef0\"]}" : "")
                + "}");
    }

    private void modelPackage(String metadata) {
        aws.answer("DescribeModelPackage", "{\"ModelPackageName\": \"churn\", \"ModelPackageArn\": \"" + PACKAGE + "\","
                + " \"CreationTime\": 1717200000, \"ModelPackageStatus\": \"Completed\", " + metadata + "}");
    }

    private void trainingJob(boolean interContainerEncryption, String volumeKey) {
        aws.answer("DescribeTrainingJob", "{\"TrainingJobName\": \"churn-train-2024-06-01\", \"TrainingJobArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:training-job/churn-train-2024-06-01\","
                + " \"TrainingJobStatus\": \"Completed\", \"SecondaryStatus\": \"Completed\", \"CreationTime\": 1717200000,"
                + " \"EnableInterContainerTrafficEncryption\": " + interContainerEncryption + ","
                + " \"ResourceConfig\": {\"InstanceType\": \"ml.m5.xlarge\", \"InstanceCount\": 2, \"VolumeSizeInGB\": 30"
                + (volumeKey == null ? "" : ", \"VolumeKmsKeyId\": \"" + volumeKey + "\"") + "}}");
    }

    @Test
    void thePostureIsReadFromTheEndpointItsConfigTheServedModelAndItsTrainingJob() {
        endpoint();
        endpointConfig(KEY, true);
        sageMakerModel(true, true);
        modelPackage("\"MetadataProperties\": {\"GeneratedBy\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:training-job/churn-train-2024-06-01\"}");
        trainingJob(true, KEY);

        SecurityPosture posture = postures.postureOf(model(ENDPOINT), version(PACKAGE));

        assertThat(posture).isEqualTo(new SecurityPosture(KEY, true, true, true, true));
        assertThat(aws.requests("DescribeEndpoint").get(0).path("EndpointName").asText()).isEqualTo(ENDPOINT);
        assertThat(aws.requests("DescribeEndpointConfig").get(0).path("EndpointConfigName").asText())
                .isEqualTo("churn-prod-config-7");
        assertThat(aws.requests("DescribeModel").get(0).path("ModelName").asText())
                .as("the governed model, not the break-glass fallback").isEqualTo("churn-xgb-3");
        assertThat(aws.requests("DescribeModelPackage").get(0).path("ModelPackageName").asText()).isEqualTo(PACKAGE);
        assertThat(aws.requests("DescribeTrainingJob").get(0).path("TrainingJobName").asText())
                .isEqualTo("churn-train-2024-06-01");
    }

    @Test
    void aTrainingJobNamedInTheModelPackagesCustomerMetadataIsUsed() {
        endpoint();
        endpointConfig(KEY, true);
        sageMakerModel(true, false);
        modelPackage("\"CustomerMetadataProperties\": {\"TrainingJobName\": \"churn-train-2024-06-01\"}");
        trainingJob(false, KEY);

        SecurityPosture posture = postures.postureOf(model(ENDPOINT), version(PACKAGE));

        assertThat(posture).isEqualTo(new SecurityPosture(KEY, true, false, true, false));
        assertThat(aws.requests("DescribeTrainingJob").get(0).path("TrainingJobName").asText())
                .isEqualTo("churn-train-2024-06-01");
    }

    @Test
    void withoutAKnownTrainingJobInterContainerEncryptionIsUnknown() {
        endpoint();
        endpointConfig(KEY, true);
        sageMakerModel(true, true);

        SecurityPosture posture = postures.postureOf(model(ENDPOINT), version(null));

        assertThat(posture).isEqualTo(new SecurityPosture(KEY, true, true, true, null));
        assertThat(aws.operations()).containsExactly("DescribeEndpoint", "DescribeEndpointConfig", "DescribeModel");
    }

    @Test
    void controlsSageMakerDoesNotHaveReadAsNotInPlace() {
        endpoint();
        endpointConfig(null, false);
        sageMakerModel(false, false);
        modelPackage("\"ModelApprovalStatus\": \"PendingManualApproval\"");

        SecurityPosture posture = postures.postureOf(model(ENDPOINT), version(PACKAGE));

        assertThat(posture).isEqualTo(new SecurityPosture(null, false, false, false, null));
        assertThat(posture.encryptedAtRest()).isFalse();
    }

    @Test
    void aTrainingVolumeWithoutAKmsKeyMeansNoEncryptionAtRest() {
        endpoint();
        endpointConfig(KEY, true);
        sageMakerModel(true, true);
        modelPackage("\"CustomerMetadataProperties\": {\"TrainingJobName\": \"churn-train-2024-06-01\"}");
        trainingJob(true, null);

        SecurityPosture posture = postures.postureOf(model(ENDPOINT), version(PACKAGE));

        assertThat(posture.encryptedAtRest()).isFalse();
        assertThat(posture.interContainerEncryption()).isTrue();
    }

    @Test
    void aModelWithoutAnEndpointKeepsItsDeclaredPostureAndAsksSageMakerNothing() {
        assertThat(postures.postureOf(model(null), version(PACKAGE))).isEqualTo(DECLARED);
        assertThat(aws.operations()).isEmpty();
    }

    @Test
    void anAwsErrorPropagatesSoValidationCannotPass() {
        aws.fail("DescribeEndpoint", 400, "ValidationException", "Could not find endpoint churn-prod.");

        assertThatThrownBy(() -> postures.postureOf(model(ENDPOINT), version(PACKAGE)))
                .isInstanceOfSatisfying(SageMakerException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void aServerErrorOnALaterCallPropagatesToo() {
        endpoint();
        endpointConfig(KEY, true);
        aws.fail("DescribeModel", 500, "InternalFailure", "internal error");

        assertThatThrownBy(() -> postures.postureOf(model(ENDPOINT), version(PACKAGE)))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(aws.requests("DescribeModel")).hasSize(SageMakerWire.MAX_ATTEMPTS);
    }
}
