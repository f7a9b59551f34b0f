package org.modelgov.abtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the A/B stage measures ({@code modelgov.abtest.*}); the thresholds themselves are policy, in DMN.
 *
 * @param period            one observation: CloudWatch's aggregation period (a multiple of 60 s) in AWS mode
 * @param businessNamespace the CloudWatch namespace of the team's business metrics (AWS mode), published with the
 *                          dimensions {@code EndpointName} and {@code VariantName} like SageMaker's own
 * @param businessMetrics   the business metrics an A/B test may compare, as {@code business:<name>}; a policy
 *                          naming {@code business:*} compares all of them
 * @param minPeriods        fewer observations than this of latency or a business metric on either variant and that
 *                          metric's comparison is inconclusive (rank tests and a bootstrap need a few)
 */
@ConfigurationProperties("modelgov.abtest")
public record AbTestProperties(@DefaultValue("PT5M") Duration period, String businessNamespace,
                               @DefaultValue List<BusinessMetric> businessMetrics,
                               @DefaultValue("8") int minPeriods) {

    /** A business metric's name: what CloudWatch accepts and reads well in a URL and a DMN cell. */
    public static final Pattern BUSINESS_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    /** SageMaker's per-variant metrics ModelGov reads. */
    public static final List<String> SAGEMAKER_METRICS = List.of(VariantMetricSource.INVOCATIONS,
            VariantMetricSource.ERRORS_5XX, VariantMetricSource.MODEL_LATENCY);
    /** In a policy: every configured business metric. */
    public static final String ALL_BUSINESS = VariantMetricSource.BUSINESS_PREFIX + "*";

    public AbTestProperties {
        if (period.isNegative() || period.toSeconds() < 60 || period.toSeconds() % 60 != 0 || period.toNanos()
                % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("modelgov.abtest.period must be a whole number of minutes (CloudWatch"
                    + " aggregates SageMaker's metrics per minute), got " + period);
        }
        if (minPeriods < 2) {
            throw new IllegalArgumentException("modelgov.abtest.min-periods must be at least 2, got " + minPeriods);
        }
        businessNamespace = businessNamespace == null || businessNamespace.isBlank() ? null : businessNamespace.trim();
        businessMetrics = List.copyOf(businessMetrics);
        Set<String> seen = new HashSet<>();
        for (BusinessMetric metric : businessMetrics) {
            if (!seen.add(metric.name())) {
                throw new IllegalArgumentException("modelgov.abtest.business-metrics names " + metric.name() + " twice");
            }
        }
    }

    /**
     * @param name           the metric's name in CloudWatch (and after {@code business:} in a policy)
     * @param higherIsBetter true for e.g. an approval or conversion rate, false for e.g. a complaint rate
     */
    public record BusinessMetric(String name, @DefaultValue("true") boolean higherIsBetter) {

        public BusinessMetric {
            if (name == null || !BUSINESS_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a business metric's name must be 1 to 200 letters, digits, '_',"
                        + " '.' or '-', got '" + name + "'");
            }
        }

        /** The name a policy and the metric sources use: {@code business:<name>}. */
        public String metric() {
            return VariantMetricSource.BUSINESS_PREFIX + name;
        }
    }

    /** The configured business metric a {@code business:<name>} stands for. */
    public Optional<BusinessMetric> business(String metric) {
        if (metric == null || !metric.startsWith(VariantMetricSource.BUSINESS_PREFIX)) {
            return Optional.empty();
        }
        String name = metric.substring(VariantMetricSource.BUSINESS_PREFIX.length());
        return businessMetrics.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** Whether a metric source can read this metric: SageMaker's three, or a configured business metric. */
    public boolean isKnown(String metric) {
        return SAGEMAKER_METRICS.contains(metric) || business(metric).isPresent();
    }

    /**
     * The metrics to read for a policy's list: {@code business:*} stands for every configured business metric, and
     * {@code Invocations} always comes along (the error rate's denominator and the minimum-traffic check); each once,
     * in the order named.
     */
    public List<String> metricsToRead(List<String> named) {
        Set<String> metrics = new LinkedHashSet<>();
        metrics.add(VariantMetricSource.INVOCATIONS);
        for (String metric : named) {
            if (ALL_BUSINESS.equals(metric)) {
                businessMetrics.forEach(b -> metrics.add(b.metric()));
            } else {
                metrics.add(metric);
            }
        }
        return new ArrayList<>(metrics);
    }
}
