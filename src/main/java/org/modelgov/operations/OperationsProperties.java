package org.modelgov.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fresh the operators' numbers are ({@code modelgov.operations.*}; environment e.g.
 * {@code MODELGOV_OPERATIONS_METRICS_MAX_AGE=30s}).
 *
 * @param metricsMaxAge  the governance gauges read one snapshot of the database and the engine; a scrape
 *                       after this age takes a new one, earlier scrapes (other Prometheus servers, a
 *                       retry) read the same snapshot
 * @param awsCheckMaxAge AWS mode: the health check calls AWS at most once per this period, however often
 *                       the health endpoint is called
 */
@ConfigurationProperties("modelgov.operations")
public record OperationsProperties(
        @DefaultValue("15s") Duration metricsMaxAge,
        @DefaultValue("60s") Duration awsCheckMaxAge) {
}
