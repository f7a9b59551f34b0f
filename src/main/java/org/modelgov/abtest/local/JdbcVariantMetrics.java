package org.modelgov.abtest.local;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.abtest.AbTestProperties;
import org.modelgov.abtest.MetricSampleStore;
import org.modelgov.abtest.VariantMetricSource;
import org.modelgov.abtest.VariantSeries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Local mode's variant metrics: the samples posted to ModelGov's API ({@code variant_metric_sample}), read back per
 * metric over a window. One sample is one observation, as one CloudWatch period is in AWS mode.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
public class JdbcVariantMetrics implements VariantMetricSource, MetricSampleStore {

    private final JdbcTemplate jdbc;
    private final AbTestProperties properties;

    public JdbcVariantMetrics(JdbcTemplate jdbc, AbTestProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Every metric named ({@code business:*} expanded, {@code Invocations} always), in time order over [from, to). */
    @Override
    public VariantSeries read(String endpointName, String variantName, List<String> metrics, Instant from, Instant to) {
        Map<String, List<VariantSeries.Sample>> series = new LinkedHashMap<>();
        for (String metric : properties.metricsToRead(metrics)) {
            series.put(metric, jdbc.query("SELECT sampled_at, metric_value FROM modelgov.variant_metric_sample"
                            + " WHERE endpoint_name = ? AND variant_name = ? AND metric = ? AND sampled_at >= ?"
                            + " AND sampled_at < ? ORDER BY sampled_at",
                    (rs, row) -> new VariantSeries.Sample(rs.getObject("sampled_at", OffsetDateTime.class).toInstant(),
                            rs.getDouble("metric_value")),
                    endpointName, variantName, metric, utc(from), utc(to)));
        }
        return new VariantSeries(variantName, series);
    }

    @Override
    public int save(String endpointName, String variantName, List<NewSample> samples, String postedBy,
                    Instant postedAt) {
        int[] deleted = jdbc.batchUpdate("DELETE FROM modelgov.variant_metric_sample WHERE endpoint_name = ?"
                + " AND variant_name = ? AND metric = ? AND sampled_at = ?", new Batch(samples) {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewSample sample = samples.get(i);
                ps.setString(1, endpointName);
                ps.setString(2, variantName);
                ps.setString(3, sample.metric());
                ps.setObject(4, utc(sample.at()));
            }
        });
        jdbc.batchUpdate("INSERT INTO modelgov.variant_metric_sample (endpoint_name, variant_name, metric,"
                + " sampled_at, metric_value, posted_by, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new Batch(samples) {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewSample sample = samples.get(i);
                ps.setString(1, endpointName);
                ps.setString(2, variantName);
                ps.setString(3, sample.metric());
                ps.setObject(4, utc(sample.at()));
                ps.setDouble(5, sample.value());
                ps.setString(6, postedBy);
                ps.setObject(7, utc(postedAt));
            }
        });
        int replaced = 0;
        for (int count : deleted) {
            // a driver may answer "done, count unknown" for a batch statement; only real counts are counted
            replaced += count == Statement.SUCCESS_NO_INFO ? 0 : Math.max(0, count);
        }
        return replaced;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private abstract static class Batch implements BatchPreparedStatementSetter {
        private final int size;

        Batch(List<?> items) {
            this.size = items.size();
        }

        @Override
        public int getBatchSize() {
            return size;
        }
    }
}
