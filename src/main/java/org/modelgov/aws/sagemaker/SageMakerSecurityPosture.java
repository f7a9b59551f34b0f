package org.modelgov.aws.sagemaker;

import java.util.Optional;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.SecurityPosture;
import org.modelgov.validation.SecurityPostureSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointConfigResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;

/**
 * AWS mode: the posture of a model's deployment as SageMaker has it, read from the endpoint config (KMS key,
 * data capture), the model behind it (network isolation, VPC) and the training job (inter-container traffic
 * encryption, training volume key). A model without an endpoint keeps the posture its version declared.
 *
 * <p>AWS errors propagate: technical validation must not pass on a posture it could not read.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
public class SageMakerSecurityPosture implements SecurityPostureSource {

    /** Where a model package may name its training job when it was not registered by a training job itself. */
    public static final String TRAINING_JOB_PROPERTY = "TrainingJobName";

    private static final String TRAINING_JOB_ARN_PART = ":training-job/";

    private final SageMakerClient sageMaker;

    public SageMakerSecurityPosture(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    /**
     * Encryption at rest is in place (a {@code kmsKeyId}) only when the endpoint's storage has a KMS key and,
     * where the training job is known, its training volume had one too. Inter-container encryption is null (not
     * known, so not in place) when the version's training job is not known.
     */
    @Override
    public SecurityPosture postureOf(Model model, ModelVersion version) {
        Deployment deployment = model.deployment();
        if (deployment == null || blank(deployment.endpointName())) {
            return version.validation().securityPosture();
        }
        String endpointName = deployment.endpointName();
        String configName = sageMaker.describeEndpoint(r -> r.endpointName(endpointName)).endpointConfigName();
        DescribeEndpointConfigResponse config = sageMaker.describeEndpointConfig(r -> r.endpointConfigName(configName));
        boolean dataCapture = config.dataCaptureConfig() != null
                && Boolean.TRUE.equals(config.dataCaptureConfig().enableCapture());
        String modelName = servingModel(config);
        boolean networkIsolation;
        boolean vpc;
        if (modelName != null) {
            var sageMakerModel = sageMaker.describeModel(r -> r.modelName(modelName));
            networkIsolation = Boolean.TRUE.equals(sageMakerModel.enableNetworkIsolation());
            vpc = sageMakerModel.vpcConfig() != null;
        } else {
            // an endpoint serving inference components has no model per variant: the config holds these settings
            networkIsolation = Boolean.TRUE.equals(config.enableNetworkIsolation());
            vpc = config.vpcConfig() != null;
        }
        String kmsKeyId = blank(config.kmsKeyId()) ? null : config.kmsKeyId();
        Boolean interContainerEncryption = null;
        Optional<String> trainingJob = trainingJobOf(version);
        if (trainingJob.isPresent()) {
            DescribeTrainingJobResponse job = sageMaker.describeTrainingJob(r -> r.trainingJobName(trainingJob.get()));
            interContainerEncryption = Boolean.TRUE.equals(job.enableInterContainerTrafficEncryption());
            if (job.resourceConfig() == null || blank(job.resourceConfig().volumeKmsKeyId())) {
                kmsKeyId = null;
            }
        }
        return new SecurityPosture(kmsKeyId, networkIsolation, vpc, dataCapture, interContainerEncryption);
    }

    /** The model the governed traffic goes to: the first variant that is not the break-glass fallback. */
    private static String servingModel(DescribeEndpointConfigResponse config) {
        return config.productionVariants().stream()
                .filter(v -> !DeploymentControl.FALLBACK_VARIANT.equals(v.variantName()))
                .findFirst()
                .or(() -> config.productionVariants().stream().findFirst())
                .map(ProductionVariant::modelName)
                .filter(name -> !blank(name))
                .orElse(null);
    }

    /**
     * The training job of the version's model package: the one that generated it ({@code MetadataProperties.GeneratedBy}
     * is a training job ARN), else the one its customer metadata names under {@value #TRAINING_JOB_PROPERTY}.
     */
    private Optional<String> trainingJobOf(ModelVersion version) {
        if (blank(version.modelPackageArn())) {
            return Optional.empty();
        }
        DescribeModelPackageResponse pkg = sageMaker.describeModelPackage(r -> r.modelPackageName(version.modelPackageArn()));
        if (pkg.metadataProperties() != null && pkg.metadataProperties().generatedBy() != null) {
            String generatedBy = pkg.metadataProperties().generatedBy();
            int at = generatedBy.indexOf(TRAINING_JOB_ARN_PART);
            if (generatedBy.startsWith("arn:") && at > 0) {
                return Optional.of(generatedBy.substring(at + TRAINING_JOB_ARN_PART.length()));
            }
        }
        return Optional.ofNullable(pkg.customerMetadataProperties().get(TRAINING_JOB_PROPERTY)).filter(n -> !blank(n));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
