package org.modelgov.aws.sagemaker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.modelgov.abtest.ChallengerDeployment;
import org.modelgov.abtest.Weights;
import org.modelgov.common.Sha256;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.incident.local.ContainmentTable;
import org.modelgov.inventory.ModelRepository;
import org.modelgov.inventory.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointConfigResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.DesiredWeightAndCapacity;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * AWS mode: a challenger is a production variant added to the model's SageMaker endpoint, in three idempotent
 * steps of which {@link #deploy} takes the next missing one per call (see {@link ChallengerDeployment}):
 * <ol>
 *   <li>CreateModel {@code <variant>} from the version's model package (skipped when DescribeModel finds it), with
 *       the champion model's execution role, VPC and network isolation;</li>
 *   <li>CreateEndpointConfig: the endpoint's current config with every variant as it is, plus the challenger at
 *       weight 0 on the champion's instance type and count (a deterministic name; skipped when it exists);</li>
 *   <li>UpdateEndpoint to that config with RetainAllVariantProperties, so every current weight and instance count
 *       stays (skipped while the endpoint updates, and once the challenger is on it).</li>
 * </ol>
 * The execution role is the champion's unless {@code modelgov.aws.sagemaker.execution-role-arn} names one: the
 * champion's role already reaches the endpoint's artifact buckets, KMS keys and images, and reusing it gives the
 * challenger no more rights than the model it competes with. The {@code fallback} variant of break-glass is copied
 * like every other and re-weighted only when {@link #setWeights} names it; while break-glass contains the endpoint
 * (its containment row), no other variant gains traffic.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
public class SageMakerChallengerDeployment implements ChallengerDeployment {

    /** A resource name of ours (ModelName, EndpointConfigName): at most 63 characters. */
    static final int MAX_NAME = 63;
    static final String VERSION_TAG = "modelgov:version-id";
    private static final Logger log = LoggerFactory.getLogger(SageMakerChallengerDeployment.class);

    private final SageMakerClient sageMaker;
    private final ModelRepository models;
    private final ContainmentTable containments;
    private final String executionRoleArn;

    public SageMakerChallengerDeployment(SageMakerClient sageMaker, ModelRepository models,
                                         ContainmentTable containments,
                                         @Value("${modelgov.aws.sagemaker.execution-role-arn:}") String executionRoleArn) {
        this.sageMaker = sageMaker;
        this.models = models;
        this.containments = containments;
        this.executionRoleArn = executionRoleArn == null || executionRoleArn.isBlank() ? null : executionRoleArn.trim();
    }

    @Override
    public String challengerVariant(String versionId) {
        return ChallengerDeployment.variantNameOf(versionId);
    }

    /** The SageMaker model a version's challenger runs: named like its variant. */
    static String modelNameOf(String versionId) {
        return ChallengerDeployment.variantNameOf(versionId);
    }

    /**
     * The endpoint config with the challenger added: the variant name and a hash of endpoint, the config it extends
     * and the version, so a retry finds the config it made and a changed endpoint gets a fresh one.
     */
    static String endpointConfigNameOf(String endpointName, String baseConfigName, String versionId) {
        String hash = Sha256.hex(endpointName + "\n" + baseConfigName + "\n" + versionId).substring(0, 10);
        String variant = ChallengerDeployment.variantNameOf(versionId);
        String prefix = variant.length() > MAX_NAME - hash.length() - 1
                ? variant.substring(0, MAX_NAME - hash.length() - 1).replaceAll("-+$", "") : variant;
        return prefix + "-" + hash;
    }

    @Override
    public Map<String, Double> weights(String endpointName) {
        return EndpointWeights.of(describeEndpoint(endpointName));
    }

    @Override
    public void deploy(String endpointName, String versionId) {
        String variant = challengerVariant(versionId);
        DescribeEndpointResponse endpoint = describeEndpoint(endpointName);
        if (hasVariant(endpoint, variant)) {
            return; // on the endpoint already: a repeated deploy changes nothing
        }
        if (endpoint.endpointStatus() != EndpointStatus.IN_SERVICE) {
            // Updating (our own UpdateEndpoint on its way, or someone else's), Creating, Failed...: rollout tells
            log.info("Endpoint {} is {}: the challenger {} waits", endpointName, endpoint.endpointStatusAsString(),
                    variant);
            return;
        }
        String arn = packageArnOf(versionId);
        DescribeEndpointConfigResponse current = describeEndpointConfig(endpoint.endpointConfigName())
                .orElseThrow(() -> new IllegalStateException("Endpoint " + endpointName + " uses endpoint config "
                        + endpoint.endpointConfigName() + ", which no longer exists; SageMaker cannot extend it"));
        ProductionVariant champion = champion(endpoint, current, variant);
        String modelName = modelNameOf(versionId);

        Optional<DescribeModelResponse> model = describeModel(modelName);
        if (model.isEmpty()) {
            createModel(modelName, versionId, arn, champion);
            return;
        }
        String packageName = model.get().primaryContainer() == null ? null
                : model.get().primaryContainer().modelPackageName();
        if (!arn.equals(packageName)) {
            throw new IllegalStateException("SageMaker model " + modelName + " exists but runs " + packageName
                    + ", not the model package " + arn + " of " + versionId + "; delete or rename that model");
        }

        String configName = endpointConfigNameOf(endpointName, current.endpointConfigName(), versionId);
        Optional<DescribeEndpointConfigResponse> extended = describeEndpointConfig(configName);
        if (extended.isEmpty()) {
            createEndpointConfig(configName, versionId, current, champion, variant, modelName);
            return;
        }
        if (updateFailed(endpoint, extended.get())) {
            log.warn("Endpoint {} rolled back from {} ({}): not updated again", endpointName, configName,
                    endpoint.failureReason());
            return;
        }
        SageMakerCallFailed.call("UpdateEndpoint", endpointName + " (" + configName + ")",
                () -> sageMaker.updateEndpoint(r -> r.endpointName(endpointName).endpointConfigName(configName)
                        .retainAllVariantProperties(true)));
        log.info("Endpoint {} updating to {}: challenger {} of {} at weight 0", endpointName, configName, variant,
                versionId);
    }

    @Override
    public Rollout rollout(String endpointName, String versionId) {
        DescribeEndpointResponse endpoint = describeEndpoint(endpointName);
        EndpointStatus status = endpoint.endpointStatus();
        if (status == null) {
            return Rollout.IN_PROGRESS;
        }
        return switch (status) {
            case FAILED, ROLLING_BACK, UPDATE_ROLLBACK_FAILED, DELETING -> Rollout.FAILED;
            case IN_SERVICE -> {
                if (hasVariant(endpoint, challengerVariant(versionId))) {
                    yield Rollout.SERVING;
                }
                String configName = endpointConfigNameOf(endpointName, endpoint.endpointConfigName(), versionId);
                yield describeEndpointConfig(configName).filter(c -> updateFailed(endpoint, c)).isPresent()
                        ? Rollout.FAILED : Rollout.IN_PROGRESS;
            }
            default -> Rollout.IN_PROGRESS; // Creating, Updating, SystemUpdating, OutOfService
        };
    }

    @Override
    public void setWeights(String endpointName, Map<String, Double> weights) {
        Weights.check(endpointName, weights);
        Map<String, Double> current = weights(endpointName);
        weights.keySet().stream().filter(v -> !current.containsKey(v)).findFirst().ifPresent(v -> {
            throw new IllegalArgumentException("Endpoint " + endpointName + " has no variant " + v + " (its variants: "
                    + String.join(", ", current.keySet()) + ")");
        });
        Weights.refuseMoreTrafficWhileContained(endpointName, containments.active(endpointName), current, weights);
        boolean unchanged = weights.entrySet().stream()
                .allMatch(w -> current.get(w.getKey()).floatValue() == w.getValue().floatValue());
        if (unchanged) {
            log.info("Endpoint {} already serves {}: weights not updated again", endpointName, weights);
            return;
        }
        Map<String, Double> next = new TreeMap<>(current);
        next.putAll(weights);
        // every variant's weight, so the request states the whole split; capacity is never touched
        List<DesiredWeightAndCapacity> desired = EndpointWeights.desired(next);
        SageMakerCallFailed.call("UpdateEndpointWeightsAndCapacities", endpointName,
                () -> sageMaker.updateEndpointWeightsAndCapacities(r -> r.endpointName(endpointName)
                        .desiredWeightsAndCapacities(desired)));
        log.info("Endpoint {} weights {} → {}", endpointName, current, next);
    }

    private void createModel(String modelName, String versionId, String arn, ProductionVariant champion) {
        DescribeModelResponse championModel = describeModel(champion.modelName())
                .orElseThrow(() -> new IllegalStateException("The champion variant " + champion.variantName()
                        + " runs model " + champion.modelName() + ", which SageMaker no longer has"));
        String role = executionRoleArn != null ? executionRoleArn : championModel.executionRoleArn();
        SageMakerCallFailed.call("CreateModel", versionId + " (" + modelName + ")",
                () -> sageMaker.createModel(r -> r.modelName(modelName)
                        .primaryContainer(ContainerDefinition.builder().modelPackageName(arn).build())
                        .executionRoleArn(role)
                        // the same network boundary as the champion: no challenger with more reach than it
                        .vpcConfig(championModel.vpcConfig())
                        .enableNetworkIsolation(championModel.enableNetworkIsolation())
                        .tags(Tag.builder().key(VERSION_TAG).value(versionId).build())));
        log.info("SageMaker model {} created from {} for {}", modelName, arn, versionId);
    }

    private void createEndpointConfig(String configName, String versionId, DescribeEndpointConfigResponse current,
                                      ProductionVariant champion, String variant, String modelName) {
        List<ProductionVariant> variants = new ArrayList<>(current.productionVariants());
        variants.add(ProductionVariant.builder()
                .variantName(variant)
                .modelName(modelName)
                .initialVariantWeight(0f)
                .instanceType(champion.instanceType())
                .initialInstanceCount(champion.initialInstanceCount())
                .serverlessConfig(champion.serverlessConfig())
                .build());
        // everything else of the current config stays: data capture (model monitoring reads it), encryption, ...
        SageMakerCallFailed.call("CreateEndpointConfig", versionId + " (" + configName + ")",
                () -> sageMaker.createEndpointConfig(r -> r.endpointConfigName(configName)
                        .productionVariants(variants)
                        .dataCaptureConfig(current.dataCaptureConfig())
                        .kmsKeyId(current.kmsKeyId())
                        .asyncInferenceConfig(current.asyncInferenceConfig())
                        .explainerConfig(current.explainerConfig())
                        .shadowProductionVariants(current.hasShadowProductionVariants()
                                ? current.shadowProductionVariants() : null)
                        .executionRoleArn(current.executionRoleArn())
                        .vpcConfig(current.vpcConfig())
                        .enableNetworkIsolation(current.enableNetworkIsolation())
                        .tags(Tag.builder().key(VERSION_TAG).value(versionId).build())));
        log.info("Endpoint config {} created: {} plus challenger {}", configName, current.endpointConfigName(),
                variant);
    }

    /**
     * The variant the challenger competes with: the one serving most traffic now, not the fallback (ties: the
     * config's order).
     */
    private static ProductionVariant champion(DescribeEndpointResponse endpoint, DescribeEndpointConfigResponse config,
                                              String challenger) {
        Map<String, Double> weights = EndpointWeights.of(endpoint);
        return config.productionVariants().stream()
                .filter(v -> !DeploymentControl.FALLBACK_VARIANT.equals(v.variantName()))
                .filter(v -> !challenger.equals(v.variantName()))
                .max(Comparator.comparingDouble(v -> weights.getOrDefault(v.variantName(), 0.0)))
                .orElseThrow(() -> new IllegalStateException("Endpoint " + endpoint.endpointName()
                        + " has no variant besides the fallback to compare a challenger with"));
    }

    /**
     * Our UpdateEndpoint to {@code extended} failed and SageMaker rolled back: the endpoint is in service again on
     * another config, with a failure reason, and was last changed after our config was created. Sending the same
     * update again would fail the same way.
     */
    private static boolean updateFailed(DescribeEndpointResponse endpoint, DescribeEndpointConfigResponse extended) {
        Instant changed = endpoint.lastModifiedTime();
        return endpoint.endpointStatus() == EndpointStatus.IN_SERVICE
                && !extended.endpointConfigName().equals(endpoint.endpointConfigName())
                && endpoint.failureReason() != null && !endpoint.failureReason().isBlank()
                && changed != null && extended.creationTime() != null && !changed.isBefore(extended.creationTime());
    }

    private String packageArnOf(String versionId) {
        ModelVersion version = models.version(versionId)
                .orElseThrow(() -> new IllegalArgumentException("No model version " + versionId));
        if (version.modelPackageArn() == null || version.modelPackageArn().isBlank()) {
            throw new IllegalStateException("Version " + versionId + " has no SageMaker model package ARN: AWS mode"
                    + " deploys a challenger from its model package; register the version with one");
        }
        return version.modelPackageArn();
    }

    private static boolean hasVariant(DescribeEndpointResponse endpoint, String variant) {
        return endpoint.productionVariants().stream().anyMatch(v -> variant.equals(v.variantName()));
    }

    private DescribeEndpointResponse describeEndpoint(String endpointName) {
        return SageMakerCallFailed.call("DescribeEndpoint", endpointName,
                () -> sageMaker.describeEndpoint(r -> r.endpointName(endpointName)));
    }

    private Optional<DescribeEndpointConfigResponse> describeEndpointConfig(String name) {
        return ifFound("DescribeEndpointConfig", name,
                () -> sageMaker.describeEndpointConfig(r -> r.endpointConfigName(name)));
    }

    private Optional<DescribeModelResponse> describeModel(String name) {
        return ifFound("DescribeModel", name, () -> sageMaker.describeModel(r -> r.modelName(name)));
    }

    /** SageMaker answers a missing model or config with a 400 ValidationException "Could not find ...". */
    private static <T> Optional<T> ifFound(String operation, String name, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (AwsServiceException e) {
            if (e.statusCode() == 400 && e.awsErrorDetails() != null && String.valueOf(
                    e.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT).contains("could not find")) {
                return Optional.empty();
            }
            throw new SageMakerCallFailed("SageMaker " + operation + " failed for " + name + ": "
                    + SageMakerCallFailed.describe(e), e);
        } catch (SdkException e) {
            throw new SageMakerCallFailed("SageMaker " + operation + " failed for " + name + ": "
                    + SageMakerCallFailed.describe(e), e);
        }
    }
}
