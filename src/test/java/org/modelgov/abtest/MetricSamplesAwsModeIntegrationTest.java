package org.modelgov.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.ConflictException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelDetails;
import org.modelgov.inventory.RegisterModel;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * AWS mode has no sample store (CloudWatch holds the metrics): posting is a 409 that says where the metrics come
 * from, and saves and audits nothing. The shared context runs in local mode, so the service is built here as AWS
 * mode's context would build it: without a {@link MetricSampleStore}.
 */
@ModelGovIntegrationTest
class MetricSamplesAwsModeIntegrationTest {

    @Autowired
    InventoryService inventory;
    @Autowired
    AbTestProperties properties;
    @Autowired
    VariantMetricSource source;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionOperations transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void postingInAwsModeIsAConflictThatNamesCloudWatchAndChangesNothing() {
        MetricSamples awsMode = new MetricSamples(inventory, properties,
                new StaticListableBeanFactory().getBeanProvider(MetricSampleStore.class), source, audit, transactions,
                Clock.systemUTC());
        Actor owner = new Actor("owner", Set.of(GovernanceRole.MODEL_OWNER.groupId()));
        Actor monitoring = new Actor("monitoring", Set.of(GovernanceRole.MONITORING_INTEGRATION_GROUP));
        String id = "AWS-AB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String endpoint = id.toLowerCase() + "-prod";
        registerAt(id, endpoint, owner);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM modelgov.audit_event", Long.class);

        assertThatThrownBy(() -> awsMode.post(endpoint, "challenger-v2", List.of(new MetricSampleStore.NewSample(
                "Invocations", Instant.now().minusSeconds(60), 10)), List.of(), monitoring))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CloudWatch");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM modelgov.variant_metric_sample WHERE endpoint_name = ?",
                Long.class, endpoint)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM modelgov.audit_event", Long.class)).isEqualTo(before);
    }

    private void registerAt(String id, String endpoint, Actor owner) {
        inventory.register(new RegisterModel(id, new ModelDetails("AWS A/B model", "Measured by CloudWatch",
                owner.userId(), null, new Deployment(endpoint, null), null, null), List.of()), owner);
    }
}
