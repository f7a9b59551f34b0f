package org.modelgov.aws.sagemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.modelgov.aws.AwsModelShapes;
import org.modelgov.incident.IncidentService;
import org.modelgov.incident.ReportIncident;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.VersionStatus;
import org.modelgov.notification.NotificationSender;
import org.modelgov.registry.ApprovalStatus;
import org.modelgov.registry.RegistryEntry;
import org.modelgov.registry.RegistryService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** Out-of-band approvals in SageMaker are reverted and raise an incident; ModelGov's own approvals stand. */
class RegistryGuardTest {

    static final String SIGNED_OFF = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1";
    static final String SNEAKED = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/2";

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private final InventoryService inventory = mock(InventoryService.class);
    private final RegistryService registry = mock(RegistryService.class);
    private final IncidentService incidents = mock(IncidentService.class);
    private final NotificationSender notifications = mock(NotificationSender.class);
    private RegistryGuard guard;

    @BeforeEach
    void setUp() {
        aws.start();
        SageMakerClient client = SageMakerClient.builder().endpointOverride(URI.create(aws.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1))
                        .apiCallTimeout(Duration.ofSeconds(5)).build())
                .build();
        guard = new RegistryGuard(client, inventory, registry, incidents, notifications, RegistryGuardTest::onItsOwn);
        when(inventory.versionsWithPackage()).thenReturn(List.of(version("CHURN-001:1", SIGNED_OFF),
                version("CHURN-001:2", SNEAKED)));
        // ModelGov approved (or decided to approve) version 1 only
        when(registry.approvedByModelGov("CHURN-001:1")).thenReturn(true);
        when(registry.approvedByModelGov("CHURN-001:2")).thenReturn(false);
        answer("ListModelPackages", """
                {"ModelPackageSummaryList": [
                  {"ModelPackageArn": "%s", "CreationTime": 1.7E9, "ModelPackageStatus": "Completed", "ModelApprovalStatus": "Approved"},
                  {"ModelPackageArn": "%s", "CreationTime": 1.7E9, "ModelPackageStatus": "Completed", "ModelApprovalStatus": "Approved"}]}
                """.formatted(SIGNED_OFF, SNEAKED));
        answer("UpdateModelPackage", "{\"ModelPackageArn\": \"" + SNEAKED + "\"}");
    }

    @AfterEach
    void tearDown() {
        aws.stop();
    }

    /** As in production, less the transaction: a failing item answers false and the others go on. */
    private static boolean onItsOwn(String item, BooleanSupplier work) {
        try {
            return work.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ModelVersion version(String id, String arn) {
        return new ModelVersion(id, "CHURN-001", Integer.parseInt(id.substring(id.indexOf(':') + 1)), null, null, arn,
                null, null, null, VersionStatus.IN_REVIEW, "owner", Instant.now());
    }

    private void answer(String operation, String json) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker." + operation))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json)));
    }

    private List<LoggedRequest> requests(String operation) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("SageMaker." + operation)));
    }

    @Test
    void anApprovalWithoutSignOffIsRevertedAndRaisesAnIncident() {
        assertThat(guard.checkAll()).isEqualTo(1);

        List<LoggedRequest> updates = requests("UpdateModelPackage");
        assertThat(updates).hasSize(1);
        String body = updates.get(0).getBodyAsString();
        assertThat(AwsModelShapes.SAGEMAKER.violations("UpdateModelPackage", body)).isEmpty();
        assertThat(body).contains(SNEAKED, "\"ModelApprovalStatus\":\"PendingManualApproval\"");
        for (LoggedRequest list : requests("ListModelPackages")) {
            assertThat(AwsModelShapes.SAGEMAKER.violations("ListModelPackages", list.getBodyAsString())).isEmpty();
            assertThat(list.getBodyAsString()).contains("\"ModelPackageGroupName\":\"churn\"",
                    "\"ModelApprovalStatus\":\"Approved\"");
        }
        ArgumentCaptor<ReportIncident> incident = ArgumentCaptor.forClass(ReportIncident.class);
        verify(incidents).report(incident.capture(), eq("modelgov"));
        assertThat(incident.getValue().type()).isEqualTo("SECURITY");
        assertThat(incident.getValue().externalId()).isEqualTo("out-of-band-approval:" + SNEAKED);
    }

    @Test
    void theSameEventTwiceRevertsAgainHarmlesslyAndReportsTheSameAlarm() {
        assertThat(guard.check(SNEAKED, "Approved")).isTrue();
        assertThat(guard.check(SNEAKED, "Approved")).isTrue();
        ArgumentCaptor<ReportIncident> incident = ArgumentCaptor.forClass(ReportIncident.class);
        verify(incidents, org.mockito.Mockito.times(2)).report(incident.capture(), any());
        // IncidentService turns the second report of the same external id into an occurrence
        assertThat(incident.getAllValues()).extracting(ReportIncident::externalId).containsOnly(
                "out-of-band-approval:" + SNEAKED);
        assertThat(guard.check(SIGNED_OFF, "Approved")).as("ModelGov's own approval stands").isFalse();
        assertThat(guard.check(SNEAKED, "PendingManualApproval")).isFalse();
    }

    @Test
    void aPackageOutsideTheGovernedGroupsIsLeftAlone() {
        assertThat(guard.check("arn:aws:sagemaker:eu-west-1:123456789012:model-package/other-team/4", "Approved"))
                .isFalse();
        assertThat(requests("UpdateModelPackage")).isEmpty();
        verify(incidents, never()).report(any(), any());
    }

    @Test
    void anAwsErrorFailsTheCheckLoudly() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.UpdateModelPackage"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"ValidationException\", \"message\": \"bad arn\"}")));
        assertThatThrownBy(() -> guard.check(SNEAKED, "Approved")).hasMessageContaining("bad arn");
        verify(incidents, never()).report(any(), any());
    }

    @Test
    void aPackageThatCannotBeRevertedDoesNotStopTheOthers() {
        String alsoSneaked = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3";
        when(inventory.versionsWithPackage()).thenReturn(List.of(version("CHURN-001:1", SIGNED_OFF),
                version("CHURN-001:2", SNEAKED), version("CHURN-001:3", alsoSneaked)));
        answer("ListModelPackages", """
                {"ModelPackageSummaryList": [
                  {"ModelPackageArn": "%s", "CreationTime": 1.7E9, "ModelPackageStatus": "Completed",
                   "ModelApprovalStatus": "Approved"},
                  {"ModelPackageArn": "%s", "CreationTime": 1.7E9, "ModelPackageStatus": "Completed",
                   "ModelApprovalStatus": "Approved"}]}
                """.formatted(SNEAKED, alsoSneaked));
        aws.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("SageMaker.UpdateModelPackage"))
                .withRequestBody(containing(SNEAKED + "\""))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"InternalFailure\", \"message\": \"try again\"}")));

        assertThat(guard.checkAll()).as("the second package is reverted although the first failed").isEqualTo(1);
        assertThat(requests("UpdateModelPackage")).extracting(LoggedRequest::getBodyAsString)
                .anySatisfy(body -> assertThat(body).contains(alsoSneaked));
        ArgumentCaptor<ReportIncident> incident = ArgumentCaptor.forClass(ReportIncident.class);
        verify(incidents).report(incident.capture(), eq("modelgov"));
        assertThat(incident.getValue().externalId()).isEqualTo("out-of-band-approval:" + alsoSneaked);
    }

    @Test
    void theGroupIsReadFromThePackageArn() {
        assertThat(RegistryGuard.groupOf(SNEAKED)).isEqualTo("churn");
    }
}
