package org.modelgov.aws.sagemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.modelgov.aws.sagemaker.SageMakerWire.call;
import static org.modelgov.aws.sagemaker.SageMakerWire.error;
import static org.modelgov.aws.sagemaker.SageMakerWire.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.abtest.ChallengerDeployment.Rollout;
import org.modelgov.incident.DeploymentControl.Containment;
import org.modelgov.inventory.ModelRepository;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.VersionStatus;

/**
 * A challenger variant on a SageMaker endpoint: one effect per deploy call (model, endpoint config, endpoint
 * update), none repeated on a retry, the rollout read from DescribeEndpoint, and weights moved only when they
 * differ. Every request fits SageMaker's service model.
 */
class SageMakerChallengerDeploymentTest {

    private static final String ENDPOINT = "churn-prod";
    private static final String BASE_CONFIG = "churn-prod-config";
    private static final String VERSION = "CUST-CHURN-001:3";
    private static final String VARIANT = "cust-churn-001-v3";
    private static final String ARN = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/cust-churn/3";
    private static final String CHAMPION_MODEL = "churn-model-2";
    private static final String CHAMPION_ROLE = "arn:aws:iam::123456789012:role/churn-inference";
    private static final String CONFIG =
            SageMakerChallengerDeployment.endpointConfigNameOf(ENDPOINT, BASE_CONFIG, VERSION);
    private static final long CONFIG_CREATED = 1717300000;

    private static final String DESCRIBE_ENDPOINT = "DescribeEndpoint";
    private static final String DESCRIBE_CONFIG = "DescribeEndpointConfig";
    private static final String DESCRIBE_MODEL = "DescribeModel";
    private static final String CREATE_MODEL = "CreateModel";
    private static final String CREATE_CONFIG = "CreateEndpointConfig";
    private static final String UPDATE_ENDPOINT = "UpdateEndpoint";
    private static final String UPDATE_WEIGHTS = "UpdateEndpointWeightsAndCapacities";
    private static final List<String> EFFECTS = List.of(CREATE_MODEL, CREATE_CONFIG, UPDATE_ENDPOINT, UPDATE_WEIGHTS);

    private final SageMakerWire aws = new SageMakerWire();
    private final ModelRepository models = mock(ModelRepository.class);
    private final ContainmentDatabase db = new ContainmentDatabase();
    private SageMakerChallengerDeployment deployment = new SageMakerChallengerDeployment(aws.client, models, db.table, "");

    @BeforeEach
    void inventory() {
        when(models.version(VERSION)).thenReturn(Optional.of(version(VERSION, ARN)));
        when(models.version("CUST-CHURN-001:4")).thenReturn(Optional.of(version("CUST-CHURN-001:4", null)));
    }

    @AfterEach
    void checkRequestsAndClose() {
        try {
            aws.assertEveryRequestFitsTheAwsModel();
        } finally {
            aws.close();
        }
    }

    private static ModelVersion version(String id, String arn) {
        return new ModelVersion(id, ModelVersion.modelIdOf(id), Integer.parseInt(id.substring(id.indexOf(':') + 1)),
                "v", "challenger", arn, null, null, null, VersionStatus.APPROVED, "owner", Instant.EPOCH);
    }

    // --- the endpoint and its resources as SageMaker answers them

    private void endpoint(String status, String config, String failureReason, String... variantsAndWeights) {
        StringBuilder variants = new StringBuilder();
        for (int i = 0; i < variantsAndWeights.length; i += 2) {
            variants.append(i == 0 ? "" : ", ").append("{\"VariantName\": \"").append(variantsAndWeights[i])
                    .append("\", \"CurrentWeight\": ").append(variantsAndWeights[i + 1])
                    .append(", \"DesiredWeight\": ").append(variantsAndWeights[i + 1])
                    .append(", \"CurrentInstanceCount\": 2}");
        }
        aws.answer(DESCRIBE_ENDPOINT, "{\"EndpointName\": \"" + ENDPOINT + "\", \"EndpointArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint/" + ENDPOINT + "\", \"EndpointConfigName\": \""
                + config + "\", \"EndpointStatus\": \"" + status + "\", \"CreationTime\": 1717200000,"
                + " \"LastModifiedTime\": " + (CONFIG_CREATED + 600) + (failureReason == null ? ""
                : ", \"FailureReason\": \"" + failureReason + "\"") + ", \"ProductionVariants\": [" + variants + "]}");
    }

    /** The endpoint before the test: the champion at 1, break-glass's fallback at 0. */
    private void championOnly() {
        endpoint("InService", BASE_CONFIG, null, "primary", "1.0", "fallback", "0.0");
    }

    private static final String BASE_VARIANTS = "{\"VariantName\": \"primary\", \"ModelName\": \"" + CHAMPION_MODEL
            + "\", \"InitialInstanceCount\": 2, \"InstanceType\": \"ml.m5.xlarge\", \"InitialVariantWeight\": 1.0},"
            + " {\"VariantName\": \"fallback\", \"ModelName\": \"churn-model-1\", \"InitialInstanceCount\": 1,"
            + " \"InstanceType\": \"ml.m5.large\", \"InitialVariantWeight\": 0.0}";

    private void baseConfig() {
        aws.server.stubFor(call(DESCRIBE_CONFIG).withRequestBody(matchingJsonPath("$.EndpointConfigName",
                equalTo(BASE_CONFIG))).willReturn(ok("{\"EndpointConfigName\": \"" + BASE_CONFIG + "\","
                + " \"EndpointConfigArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint-config/" + BASE_CONFIG
                + "\", \"ProductionVariants\": [" + BASE_VARIANTS + "], \"DataCaptureConfig\": {\"EnableCapture\": true,"
                + " \"InitialSamplingPercentage\": 100, \"DestinationS3Uri\": \"s3://churn-capture/prod\","
                + " \"CaptureOptions\": [{\"CaptureMode\": \"Input\"}, {\"CaptureMode\": \"Output\"}]},"
                + " \"KmsKeyId\": \"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\","
                + " \"CreationTime\": 1717200000}")));
    }

    private void ourConfig(boolean exists) {
        aws.server.stubFor(call(DESCRIBE_CONFIG).withRequestBody(matchingJsonPath("$.EndpointConfigName",
                equalTo(CONFIG))).willReturn(exists ? ok("{\"EndpointConfigName\": \"" + CONFIG + "\","
                + " \"EndpointConfigArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint-config/" + CONFIG
                + "\", \"ProductionVariants\": [" + BASE_VARIANTS + "], \"CreationTime\": " + CONFIG_CREATED + "}")
                : error(400, "ValidationException", "Could not find endpoint configuration \\\"" + CONFIG + "\\\".")));
    }

    private void championModel() {
        aws.server.stubFor(call(DESCRIBE_MODEL).withRequestBody(matchingJsonPath("$.ModelName", equalTo(CHAMPION_MODEL)))
                .willReturn(ok(model(CHAMPION_MODEL, "arn:aws:sagemaker:eu-west-1:123456789012:model-package/cust-churn/2"))));
    }

    private void ourModel(String packageArn) {
        aws.server.stubFor(call(DESCRIBE_MODEL).withRequestBody(matchingJsonPath("$.ModelName", equalTo(VARIANT)))
                .willReturn(packageArn != null ? ok(model(VARIANT, packageArn))
                        : error(400, "ValidationException", "Could not find model \\\"" + VARIANT + "\\\".")));
    }

    private static String model(String name, String packageArn) {
        return "{\"ModelName\": \"" + name + "\", \"ModelArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:model/" + name
                + "\", \"ExecutionRoleArn\": \"" + CHAMPION_ROLE + "\", \"PrimaryContainer\": {\"ModelPackageName\": \""
                + packageArn + "\"}, \"VpcConfig\": {\"SecurityGroupIds\": [\"sg-0123456789abcdef0\"],"
                + " \"Subnets\": [\"subnet-0123456789abcdef0\"]}, \"EnableNetworkIsolation\": true,"
                + " \"CreationTime\": 1717200000}";
    }

    private void created() {
        aws.answer(CREATE_MODEL, "{\"ModelArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:model/" + VARIANT + "\"}");
        aws.answer(CREATE_CONFIG, "{\"EndpointConfigArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint-config/"
                + CONFIG + "\"}");
        aws.answer(UPDATE_ENDPOINT, "{\"EndpointArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint/" + ENDPOINT
                + "\"}");
        aws.answer(UPDATE_WEIGHTS, "{\"EndpointArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint/" + ENDPOINT
                + "\"}");
    }

    private List<String> effects() {
        return aws.operations().stream().filter(EFFECTS::contains).toList();
    }

    // --- deploy: one step per call

    @Test
    void aFreshDeployTakesOneStepPerCallAndTheRolloutFollowsUntilTheChallengerServes() {
        championOnly();
        baseConfig();
        championModel();
        ourModel(null);
        ourConfig(false);
        created();

        deployment.deploy(ENDPOINT, VERSION);
        assertThat(effects()).containsExactly(CREATE_MODEL);
        assertThat(deployment.rollout(ENDPOINT, VERSION)).isEqualTo(Rollout.IN_PROGRESS);

        ourModel(ARN);
        deployment.deploy(ENDPOINT, VERSION);
        assertThat(effects()).containsExactly(CREATE_MODEL, CREATE_CONFIG);
        assertThat(deployment.rollout(ENDPOINT, VERSION)).isEqualTo(Rollout.IN_PROGRESS);

        ourConfig(true);
        deployment.deploy(ENDPOINT, VERSION);
        assertThat(effects()).containsExactly(CREATE_MODEL, CREATE_CONFIG, UPDATE_ENDPOINT);

        endpoint("Updating", CONFIG, null, "primary", "1.0", "fallback", "0.0");
        assertThat(deployment.rollout(ENDPOINT, VERSION)).isEqualTo(Rollout.IN_PROGRESS);
        deployment.deploy(ENDPOINT, VERSION);

        endpoint("InService", CONFIG, null, "primary", "1.0", "fallback", "0.0", VARIANT, "0.0");
        assertThat(deployment.rollout(ENDPOINT, VERSION)).isEqualTo(Rollout.SERVING);
        deployment.deploy(ENDPOINT, VERSION);
        assertThat(effects()).as("each effect exactly once over the whole deployment")
                .containsExactly(CREATE_MODEL, CREATE_CONFIG, UPDATE_ENDPOINT);
        assertThat(deployment.weights(ENDPOINT)).containsExactly(Map.entry(VARIANT, 0.0), Map.entry("fallback", 0.0),
                Map.entry("primary", 1.0));
    }

    @Test
    void theModelRunsTheVersionsPackageWithTheChampionsRoleAndNetworkBoundary() {
        championOnly();
        baseConfig();
        championModel();
        ourModel(null);
        created();

        deployment.deploy(ENDPOINT, VERSION);

        JsonNode create = aws.requests(CREATE_MODEL).get(0);
        assertThat(create.path("ModelName").asText()).isEqualTo(VARIANT);
        assertThat(create.path("PrimaryContainer").path("ModelPackageName").asText()).isEqualTo(ARN);
        assertThat(create.path("PrimaryContainer").has("Image")).as("the package names the image").isFalse();
        assertThat(create.path("ExecutionRoleArn").asText()).isEqualTo(CHAMPION_ROLE);
        assertThat(create.path("VpcConfig").path("Subnets").get(0).asText()).isEqualTo("subnet-0123456789abcdef0");
        assertThat(create.path("EnableNetworkIsolation").asBoolean()).isTrue();
        assertThat(create.path("Tags").get(0).path("Key").asText()).isEqualTo("modelgov:version-id");
        assertThat(create.path("Tags").get(0).path("Value").asText()).isEqualTo(VERSION);
    }

    @Test
    void aConfiguredExecutionRoleReplacesTheChampions() {
        String role = "arn:aws:iam::123456789012:role/modelgov-challengers";
        deployment = new SageMakerChallengerDeployment(aws.client, models, db.table, role);
        championOnly();
        baseConfig();
        championModel();
        ourModel(null);
        created();

        deployment.deploy(ENDPOINT, VERSION);

        assertThat(aws.requests(CREATE_MODEL).get(0).path("ExecutionRoleArn").asText()).isEqualTo(role);
    }

    @Test
    void theEndpointConfigKeepsEveryVariantAndAddsTheChallengerAtWeightZeroOnTheChampionsInstances() {
        championOnly();
        baseConfig();
        ourModel(ARN);
        ourConfig(false);
        created();

        deployment.deploy(ENDPOINT, VERSION);

        assertThat(effects()).as("a retry after CreateModel does not create the model again")
                .containsExactly(CREATE_CONFIG);
        JsonNode config = aws.requests(CREATE_CONFIG).get(0);
        assertThat(config.path("EndpointConfigName").asText()).isEqualTo(CONFIG).hasSizeLessThanOrEqualTo(63);
        JsonNode variants = config.path("ProductionVariants");
        assertThat(variants).hasSize(3);
        assertThat(variants.get(0).path("VariantName").asText()).isEqualTo("primary");
        assertThat(variants.get(0).path("InitialVariantWeight").asDouble()).isEqualTo(1.0);
        assertThat(variants.get(1).path("VariantName").asText()).as("break-glass's fallback stays").isEqualTo("fallback");
        assertThat(variants.get(1).path("ModelName").asText()).isEqualTo("churn-model-1");
        JsonNode challenger = variants.get(2);
        assertThat(challenger.path("VariantName").asText()).isEqualTo(VARIANT);
        assertThat(challenger.path("ModelName").asText()).isEqualTo(VARIANT);
        assertThat(challenger.path("InitialVariantWeight").asDouble()).isEqualTo(0.0);
        assertThat(challenger.path("InstanceType").asText()).isEqualTo("ml.m5.xlarge");
        assertThat(challenger.path("InitialInstanceCount").asInt()).isEqualTo(2);
        assertThat(config.path("DataCaptureConfig").path("DestinationS3Uri").asText())
                .as("model monitoring keeps its captured data").isEqualTo("s3://churn-capture/prod");
        assertThat(config.path("KmsKeyId").asText()).endsWith("key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void aRetryAfterTheConfigWasCreatedOnlyUpdatesTheEndpointKeepingItsWeights() {
        championOnly();
        baseConfig();
        ourModel(ARN);
        ourConfig(true);
        created();

        deployment.deploy(ENDPOINT, VERSION);

        assertThat(effects()).containsExactly(UPDATE_ENDPOINT);
        JsonNode update = aws.requests(UPDATE_ENDPOINT).get(0);
        assertThat(update.path("EndpointName").asText()).isEqualTo(ENDPOINT);
        assertThat(update.path("EndpointConfigName").asText()).isEqualTo(CONFIG);
        assertThat(update.path("RetainAllVariantProperties").asBoolean()).isTrue();
    }

    @Test
    void whileTheEndpointUpdatesADeployChangesNothing() {
        endpoint("Updating", CONFIG, null, "primary", "1.0", "fallback", "0.0");
        created();

        deployment.deploy(ENDPOINT, VERSION);

        assertThat(aws.operations()).containsExactly(DESCRIBE_ENDPOINT);
    }

    @Test
    void onceTheChallengerIsOnTheEndpointADeployOnlyLooks() {
        endpoint("InService", CONFIG, null, "primary", "0.9", "fallback", "0.0", VARIANT, "0.1");
        created();

        deployment.deploy(ENDPOINT, VERSION);

        assertThat(aws.operations()).containsExactly(DESCRIBE_ENDPOINT);
    }

    @Test
    void aModelOfTheSameNameRunningAnotherPackageIsAClearErrorAndNothingIsCreated() {
        championOnly();
        baseConfig();
        ourModel("arn:aws:sagemaker:eu-west-1:123456789012:model-package/other/1");
        created();

        assertThatThrownBy(() -> deployment.deploy(ENDPOINT, VERSION)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(VARIANT).hasMessageContaining("model-package/other/1").hasMessageContaining(ARN);
        assertThat(effects()).isEmpty();
    }

    @Test
    void aVersionWithoutModelPackageCannotBeDeployedAndNothingIsCreated() {
        championOnly();
        baseConfig();
        created();

        assertThatThrownBy(() -> deployment.deploy(ENDPOINT, "CUST-CHURN-001:4")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CUST-CHURN-001:4 has no SageMaker model package ARN");
        assertThat(effects()).isEmpty();
    }

    @Test
    void aFailedCreateModelNamesTheOperationAndVersion() {
        championOnly();
        baseConfig();
        championModel();
        ourModel(null);
        aws.fail(CREATE_MODEL, 400, "ValidationException", "Could not access model data");

        assertThatThrownBy(() -> deployment.deploy(ENDPOINT, VERSION)).isInstanceOf(SageMakerCallFailed.class)
                .hasMessageContaining("CreateModel").hasMessageContaining(VERSION)
                .hasMessageContaining("Could not access model data");
    }

    // --- rollout

    @Test
    void aFailedOrRollingBackEndpointIsAFailedRollout() {
        endpoint("Failed", CONFIG, "CannotStartContainerError", "primary", "1.0", "fallback", "0.0");
        assertThat(deployment.rollout(ENDPOINT, VERSION)).isEqualTo(Rollout.FAILED);

        endpoint("RollingBack", CONFIG, null, "primary", "1.0", "fallback", "0.0");
        assertThat(deployment.rollout(ENDPOINT, VERSION)).isEqualTo(Rollout.FAILED);
    }

    @Test
    void anUpdateThatRolledBackIsAFailedRolloutAndIsNotSentAgain() {
        endpoint("InService", BASE_CONFIG, "The primary container for production variant " + VARIANT
                + " did not pass the ping health check.", "primary", "1.0", "fallback", "0.0");
        baseConfig();
        ourModel(ARN);
        ourConfig(true);
        created();

        assertThat(deployment.rollout(ENDPOINT, VERSION)).isEqualTo(Rollout.FAILED);
        deployment.deploy(ENDPOINT, VERSION);

        assertThat(effects()).isEmpty();
    }

    @Test
    void anOldFailureReasonFromBeforeOurConfigDoesNotFailTheRollout() {
        aws.answer(DESCRIBE_ENDPOINT, "{\"EndpointName\": \"" + ENDPOINT + "\", \"EndpointArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint/" + ENDPOINT + "\", \"EndpointConfigName\": \""
                + BASE_CONFIG + "\", \"EndpointStatus\": \"InService\", \"CreationTime\": 1717200000,"
                + " \"LastModifiedTime\": " + (CONFIG_CREATED - 3600) + ", \"FailureReason\": \"an older update\","
                + " \"ProductionVariants\": [{\"VariantName\": \"primary\", \"CurrentWeight\": 1.0}]}");
        ourConfig(true);

        assertThat(deployment.rollout(ENDPOINT, VERSION)).isEqualTo(Rollout.IN_PROGRESS);
    }

    // --- weights

    @Test
    void setWeightsSendsEveryVariantsWeightAndNoCapacity() {
        endpoint("InService", CONFIG, null, "primary", "1.0", "fallback", "0.0", VARIANT, "0.0");
        created();

        deployment.setWeights(ENDPOINT, Map.of("primary", 0.9, VARIANT, 0.1));

        JsonNode update = aws.requests(UPDATE_WEIGHTS).get(0);
        assertThat(update.path("EndpointName").asText()).isEqualTo(ENDPOINT);
        assertThat(SageMakerWire.desiredWeights(update)).isEqualTo(Map.of("primary", 0.9, VARIANT, 0.1, "fallback", 0.0));
    }

    @Test
    void weightsAsTheyAreAlreadyCauseNoCall() {
        endpoint("InService", CONFIG, null, "primary", "0.9", "fallback", "0.0", VARIANT, "0.1");
        created();

        deployment.setWeights(ENDPOINT, Map.of("primary", 0.9, VARIANT, 0.1));

        assertThat(aws.operations()).containsExactly(DESCRIBE_ENDPOINT);
    }

    @Test
    void aWeightForAVariantTheEndpointDoesNotHaveIsRefusedBeforeAnyCall() {
        championOnly();
        created();

        assertThatThrownBy(() -> deployment.setWeights(ENDPOINT, Map.of(VARIANT, 0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no variant " + VARIANT);
        assertThatThrownBy(() -> deployment.setWeights(ENDPOINT, Map.of("primary", -0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 0");
        assertThat(effects()).isEmpty();
    }

    @Test
    void whileBreakGlassContainsTheEndpointNoVariantButTheFallbackGainsTraffic() {
        endpoint("InService", CONFIG, null, "primary", "0.0", "fallback", "1.0", VARIANT, "0.0");
        created();
        db.table.record(new Containment("C-1", ENDPOINT, Map.of("primary", 0.9, VARIANT, 0.1, "fallback", 0.0),
                Map.of("primary", 0.0, VARIANT, 0.0, "fallback", 1.0), false), "INC-1", "responder", "SEV1");

        assertThatThrownBy(() -> deployment.setWeights(ENDPOINT, Map.of("primary", 0.0, VARIANT, 1.0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("contained by break-glass (C-1)")
                .hasMessageContaining(VARIANT);
        assertThat(effects()).isEmpty();

        deployment.setWeights(ENDPOINT, Map.of(VARIANT, 0.0));
        assertThat(effects()).as("taking traffic away is fine (and here already so)").isEmpty();
    }

    @Test
    void pollingWithAdvanceTakesTheRemainingStepsOneAtATimeUntilServing() {
        championOnly();
        baseConfig();
        championModel();
        ourModel(null);
        ourConfig(false);
        created();
        deployment.deploy(ENDPOINT, VERSION); // the stage's deploy step
        assertThat(effects()).containsExactly(CREATE_MODEL);

        ourModel(ARN);
        assertThat(deployment.advance(ENDPOINT, VERSION)).isEqualTo(Rollout.IN_PROGRESS);
        assertThat(effects()).containsExactly(CREATE_MODEL, CREATE_CONFIG);

        ourConfig(true);
        assertThat(deployment.advance(ENDPOINT, VERSION)).isEqualTo(Rollout.IN_PROGRESS);
        assertThat(effects()).containsExactly(CREATE_MODEL, CREATE_CONFIG, UPDATE_ENDPOINT);

        endpoint("Updating", CONFIG, null, "primary", "1.0", "fallback", "0.0");
        assertThat(deployment.advance(ENDPOINT, VERSION)).isEqualTo(Rollout.IN_PROGRESS);
        endpoint("InService", CONFIG, null, "primary", "1.0", "fallback", "0.0", VARIANT, "0.0");
        assertThat(deployment.advance(ENDPOINT, VERSION)).isEqualTo(Rollout.SERVING);
        assertThat(effects()).as("no effect while updating or once serving")
                .containsExactly(CREATE_MODEL, CREATE_CONFIG, UPDATE_ENDPOINT);
    }
}
