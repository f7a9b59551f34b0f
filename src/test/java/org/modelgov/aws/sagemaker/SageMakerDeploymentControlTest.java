package org.modelgov.aws.sagemaker;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelgov.aws.sagemaker.SageMakerWire.call;
import static org.modelgov.aws.sagemaker.SageMakerWire.error;
import static org.modelgov.aws.sagemaker.SageMakerWire.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelgov.incident.DeploymentControl.Containment;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** Break-glass on a SageMaker endpoint: only variant weights move, every containment is recorded once, exactly. */
class SageMakerDeploymentControlTest {

    private static final String ENDPOINT = "churn-prod";
    private static final String UPDATE = "UpdateEndpointWeightsAndCapacities";
    private static final String DESCRIBE = "DescribeEndpoint";
    private static final String UPDATED = "{\"EndpointArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint/churn-prod\"}";

    private final SageMakerWire aws = new SageMakerWire();
    private final ContainmentDatabase db = new ContainmentDatabase();
    private final SageMakerDeploymentControl control =
            new SageMakerDeploymentControl(aws.client, db.table, db.transactions);

    @AfterEach
    void checkRequestsAndClose() {
        try {
            aws.assertEveryRequestFitsTheAwsModel();
        } finally {
            aws.close();
        }
    }

    private static String endpoint(String... variantsAndWeights) {
        StringBuilder variants = new StringBuilder();
        for (int i = 0; i < variantsAndWeights.length; i += 2) {
            variants.append(i == 0 ? "" : ", ").append("{\"VariantName\": \"").append(variantsAndWeights[i])
                    .append("\", \"CurrentWeight\": ").append(variantsAndWeights[i + 1])
                    .append(", \"DesiredWeight\": ").append(variantsAndWeights[i + 1])
                    .append(", \"CurrentInstanceCount\": 1}");
        }
        return "{\"EndpointName\": \"" + ENDPOINT + "\", \"EndpointArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:endpoint/"
                + ENDPOINT + "\", \"EndpointConfigName\": \"churn-prod-config\", \"EndpointStatus\": \"InService\","
                + " \"CreationTime\": 1717200000, \"LastModifiedTime\": 1717200000, \"ProductionVariants\": [" + variants + "]}";
    }

    private void liveEndpoint() {
        aws.answer(DESCRIBE, endpoint("primary", "0.9", "canary", "0.1", "fallback", "0.0"));
    }

    @Test
    void weightsAreTheEndpointsCurrentVariantWeights() {
        liveEndpoint();

        assertThat(control.weights(ENDPOINT)).containsExactly(Map.entry("canary", 0.1), Map.entry("fallback", 0.0),
                Map.entry("primary", 0.9));
        assertThat(aws.requests(DESCRIBE)).singleElement()
                .satisfies(r -> assertThat(r.path("EndpointName").asText()).isEqualTo(ENDPOINT));
    }

    @Test
    void breakGlassMovesAllTrafficToTheFallbackAndRecordsThePreviousWeights() {
        liveEndpoint();
        aws.answer(UPDATE, UPDATED);

        Containment c = control.breakGlass(ENDPOINT, "INC-1", "responder", "incident INC-1 (SEV1)", false);

        assertThat(c.previousWeights()).isEqualTo(Map.of("primary", 0.9, "canary", 0.1, "fallback", 0.0));
        assertThat(c.appliedWeights()).isEqualTo(Map.of("primary", 0.0, "canary", 0.0, "fallback", 1.0));
        assertThat(c.dryRun()).isFalse();
        JsonNode update = aws.requests(UPDATE).get(0);
        assertThat(update.path("EndpointName").asText()).isEqualTo(ENDPOINT);
        assertThat(SageMakerWire.desiredWeights(update)).isEqualTo(Map.of("primary", 0.0, "canary", 0.0, "fallback", 1.0));
        assertThat(aws.operations()).as("only weights move: no model, config or artifact call")
                .containsExactly(DESCRIBE, UPDATE);
        assertThat(db.rows()).singleElement().satisfies(row -> {
            assertThat(row.get("ID")).isEqualTo(c.id());
            assertThat(row.get("ENDPOINT_NAME")).isEqualTo(ENDPOINT);
            assertThat(row.get("INCIDENT_ID")).isEqualTo("INC-1");
            assertThat(row.get("PREVIOUS_WEIGHTS")).isEqualTo("{\"canary\":0.1,\"fallback\":0.0,\"primary\":0.9}");
            assertThat(row.get("APPLIED_WEIGHTS")).isEqualTo("{\"canary\":0.0,\"fallback\":1.0,\"primary\":0.0}");
            assertThat(row.get("DRY_RUN")).isEqualTo(false);
            assertThat(row.get("APPLIED_BY")).isEqualTo("responder");
            assertThat(row.get("REASON")).isEqualTo("incident INC-1 (SEV1)");
            assertThat(row.get("UNDONE_AT")).isNull();
        });
        assertThat(control.active(ENDPOINT)).contains(c);
    }

    @Test
    void aRetriedBreakGlassReturnsTheActiveContainmentAndSendsNoSecondUpdate() {
        liveEndpoint();
        aws.answer(UPDATE, UPDATED);

        Containment first = control.breakGlass(ENDPOINT, "INC-1", "engine", "incident INC-1 (SEV1)", false);
        Containment retried = control.breakGlass(ENDPOINT, "INC-1", "engine", "incident INC-1 (SEV1)", false);

        assertThat(retried).isEqualTo(first);
        assertThat(aws.requests(UPDATE)).hasSize(1);
        assertThat(db.rows()).hasSize(1);
    }

    @Test
    void aDryRunSendsNoUpdateButRecordsWhatWouldChange() {
        liveEndpoint();

        Containment c = control.breakGlass(ENDPOINT, "INC-2", "engine", "exercise", true);

        assertThat(c.dryRun()).isTrue();
        assertThat(c.appliedWeights()).isEqualTo(Map.of("primary", 0.0, "canary", 0.0, "fallback", 1.0));
        assertThat(aws.requests(UPDATE)).isEmpty();
        assertThat(db.rows()).singleElement().satisfies(row -> assertThat(row.get("DRY_RUN")).isEqualTo(true));
        assertThat(control.active(ENDPOINT)).as("a dry run contains nothing").isEmpty();
    }

    @Test
    void restorePutsThePreviousWeightsBackAndMarksTheContainmentUndone() {
        liveEndpoint();
        aws.answer(UPDATE, UPDATED);
        Containment c = control.breakGlass(ENDPOINT, "INC-1", "engine", "incident INC-1 (SEV1)", false);

        assertThat(control.restore(ENDPOINT, "responder")).contains(c);

        List<JsonNode> updates = aws.requests(UPDATE);
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).path("EndpointName").asText()).isEqualTo(ENDPOINT);
        assertThat(SageMakerWire.desiredWeights(updates.get(1))).isEqualTo(Map.of("primary", 0.9, "canary", 0.1, "fallback", 0.0));
        assertThat(db.rows()).singleElement().satisfies(row -> assertThat(row.get("UNDONE_AT")).isNotNull());
        assertThat(control.active(ENDPOINT)).isEmpty();
        assertThat(control.restore(ENDPOINT, "responder")).as("nothing left to restore").isEmpty();
        assertThat(aws.requests(UPDATE)).hasSize(2);
    }

    @Test
    void aFailedRestoreLeavesTheContainmentActive() {
        liveEndpoint();
        aws.answer(UPDATE, UPDATED);
        Containment c = control.breakGlass(ENDPOINT, "INC-1", "engine", "incident INC-1 (SEV1)", false);
        aws.fail(UPDATE, 400, "ValidationException", "Cannot update in-progress endpoint");

        assertThatThrownBy(() -> control.restore(ENDPOINT, "responder")).isInstanceOf(SageMakerException.class);

        assertThat(control.active(ENDPOINT)).contains(c);
    }

    @Test
    void anEndpointWithoutAFallbackVariantIsAClearErrorAndNothingIsRecorded() {
        aws.answer(DESCRIBE, endpoint("primary", "1.0"));

        assertThatThrownBy(() -> control.breakGlass(ENDPOINT, "INC-1", "engine", "incident", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ENDPOINT)
                .hasMessageContaining("no fallback variant to move traffic to")
                .hasMessageContaining("primary");
        assertThat(aws.requests(UPDATE)).isEmpty();
        assertThat(db.rows()).isEmpty();
    }

    @Test
    void aValidationExceptionIsNotRetriedFailsTheBreakGlassAndRecordsNothing() {
        liveEndpoint();
        aws.fail(UPDATE, 400, "ValidationException", "Could not find endpoint churn-prod.");

        assertThatThrownBy(() -> control.breakGlass(ENDPOINT, "INC-1", "engine", "incident", false))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThat(aws.requests(UPDATE)).hasSize(1);
        assertThat(db.rows()).isEmpty();
        assertThat(control.active(ENDPOINT)).isEmpty();
    }

    @Test
    void throttlingIsRetriedAndTheContainmentIsRecordedOnceTheUpdateSucceeds() {
        liveEndpoint();
        aws.server.stubFor(call(UPDATE).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(error(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("calm"));
        aws.server.stubFor(call(UPDATE).inScenario("throttled").whenScenarioStateIs("calm").willReturn(ok(UPDATED)));

        Containment c = control.breakGlass(ENDPOINT, "INC-1", "engine", "incident", false);

        assertThat(aws.requests(UPDATE)).hasSize(2)
                .allSatisfy(u -> assertThat(SageMakerWire.desiredWeights(u)).isEqualTo(Map.of("primary", 0.0, "canary", 0.0, "fallback", 1.0)));
        assertThat(db.rows()).singleElement().satisfies(row -> assertThat(row.get("ID")).isEqualTo(c.id()));
    }

    @Test
    void aServerErrorThatPersistsFailsAfterTheRetriesAndRecordsNothing() {
        liveEndpoint();
        aws.fail(UPDATE, 500, "InternalFailure", "We encountered an internal error. Please try again.");

        assertThatThrownBy(() -> control.breakGlass(ENDPOINT, "INC-1", "engine", "incident", false))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(aws.requests(UPDATE)).hasSize(SageMakerWire.MAX_ATTEMPTS);
        assertThat(db.rows()).isEmpty();
    }

    @Test
    void anUpdateThatTimesOutFailsAndRecordsNothing() {
        liveEndpoint();
        aws.server.stubFor(call(UPDATE).willReturn(ok(UPDATED)
                .withFixedDelay((int) SageMakerWire.ATTEMPT_TIMEOUT.toMillis() * 3)));

        assertThatThrownBy(() -> control.breakGlass(ENDPOINT, "INC-1", "engine", "incident", false))
                .isInstanceOf(SdkClientException.class);
        assertThat(db.rows()).isEmpty();
    }

    @Test
    void theRecordOfAnAppliedContainmentSurvivesARollbackOfTheCallersTransaction() {
        liveEndpoint();
        aws.answer(UPDATE, UPDATED);

        new TransactionTemplate(db.transactions).executeWithoutResult(tx -> {
            control.breakGlass(ENDPOINT, "INC-1", "engine", "incident", false);
            tx.setRollbackOnly(); // e.g. the incident update after containment failed
        });

        assertThat(control.active(ENDPOINT)).as("SageMaker did change: the retry must see it").isPresent();
    }
}
