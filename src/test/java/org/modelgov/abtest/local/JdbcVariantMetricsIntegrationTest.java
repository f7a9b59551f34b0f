package org.modelgov.abtest.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modelgov.abtest.AbTestProperties;
import org.modelgov.abtest.MetricSampleStore.NewSample;
import org.modelgov.abtest.VariantSeries;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The samples table on the run's database (H2 by default; PostgreSQL with SPRING_PROFILES_ACTIVE=postgres): the
 * window is [from, to), values come back in time order at microsecond precision, {@code business:*} reads every
 * configured business metric and {@code Invocations} always comes along.
 */
@ModelGovIntegrationTest
class JdbcVariantMetricsIntegrationTest {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    // the shared context configures no business metric; this adapter instance has two
    private JdbcVariantMetrics metrics() {
        return new JdbcVariantMetrics(jdbc, new AbTestProperties(Duration.ofMinutes(5), null,
                List.of(new AbTestProperties.BusinessMetric("approval_rate", true),
                        new AbTestProperties.BusinessMetric("complaint_rate", false)), 8));
    }

    @Test
    void theWindowIncludesItsStartExcludesItsEndAndIsInTimeOrder() {
        JdbcVariantMetrics metrics = metrics();
        String endpoint = "jdbc-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(s -> metrics.save(endpoint, "v1", List.of(
                new NewSample("ModelLatency", T0.plusSeconds(600), 30),
                new NewSample("ModelLatency", T0, 10),
                new NewSample("ModelLatency", T0.plusSeconds(300).plusNanos(123_456_000), 20),
                new NewSample("ModelLatency", T0.minusNanos(1000), 5),
                new NewSample("business:approval_rate", T0, 0.6),
                new NewSample("business:complaint_rate", T0, 0.01),
                new NewSample("Invocations", T0, 100)), "owner", T0.plusSeconds(900)));
        // another variant and another endpoint never leak in
        transactions.executeWithoutResult(s -> metrics.save(endpoint, "v2", List.of(
                new NewSample("ModelLatency", T0, 99)), "owner", T0));
        transactions.executeWithoutResult(s -> metrics.save(endpoint + "x", "v1", List.of(
                new NewSample("ModelLatency", T0, 98)), "owner", T0));

        VariantSeries series = metrics.read(endpoint, "v1", List.of("ModelLatency", "business:*"), T0,
                T0.plusSeconds(600));

        assertThat(series.variantName()).isEqualTo("v1");
        assertThat(series.metrics()).containsOnlyKeys("Invocations", "ModelLatency", "business:approval_rate",
                "business:complaint_rate");
        assertThat(series.of("ModelLatency")).containsExactly(new VariantSeries.Sample(T0, 10),
                new VariantSeries.Sample(T0.plusSeconds(300).plusNanos(123_456_000), 20));
        assertThat(series.of("business:approval_rate")).extracting(VariantSeries.Sample::value).containsExactly(0.6);
        assertThat(series.of("Invocations")).extracting(VariantSeries.Sample::value).containsExactly(100.0);
    }

    @Test
    void savingTheSameInstantAgainReplacesItAndCountsTheReplacement() {
        JdbcVariantMetrics metrics = metrics();
        String endpoint = "jdbc-" + UUID.randomUUID().toString().substring(0, 8);
        Integer first = transactions.execute(s -> metrics.save(endpoint, "v1", List.of(
                new NewSample("Invocations", T0, 1), new NewSample("Invocations", T0.plusSeconds(60), 2)), "a", T0));
        Integer second = transactions.execute(s -> metrics.save(endpoint, "v1", List.of(
                new NewSample("Invocations", T0.plusSeconds(60), 3), new NewSample("Invocations", T0.plusSeconds(120), 4)),
                "b", T0));

        assertThat(first).isZero();
        assertThat(second).isEqualTo(1);
        assertThat(metrics.read(endpoint, "v1", List.of(), T0, T0.plusSeconds(3600)).of("Invocations"))
                .extracting(VariantSeries.Sample::value).containsExactly(1.0, 3.0, 4.0);
        assertThat(jdbc.queryForObject("SELECT posted_by FROM modelgov.variant_metric_sample WHERE endpoint_name = ?"
                + " AND sampled_at = ?", String.class, endpoint, T0.plusSeconds(60).atOffset(java.time.ZoneOffset.UTC)))
                .isEqualTo("b");
    }
}
