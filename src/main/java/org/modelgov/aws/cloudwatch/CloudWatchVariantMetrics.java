package org.modelgov.aws.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.abtest.AbTestProperties;
import org.modelgov.abtest.VariantMetricSource;
import org.modelgov.abtest.VariantSeries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * AWS mode's variant metrics: one CloudWatch {@code GetMetricData} call (followed through its pages) for every
 * metric of one production variant, with the dimensions {@code EndpointName} and {@code VariantName}.
 *
 * <ul>
 *   <li>{@code AWS/SageMaker}: {@code Invocations} and {@code Invocation5XXErrors} as Sum per period,
 *       {@code ModelLatency} as Average per period. CloudWatch reports ModelLatency in microseconds; it is returned
 *       in milliseconds (÷ 1000), the unit ModelGov shows and the local samples use.</li>
 *   <li>{@code business:<name>}: the metric {@code <name>} in {@code modelgov.abtest.business-namespace}, Average
 *       per period.</li>
 * </ul>
 * The window is narrowed to whole periods inside [from, to) (start rounded up, end rounded down to multiples of the
 * period since the epoch), as CloudWatch advises. A result marked {@code PartialData} continues on the next page;
 * {@code InternalError} or {@code Forbidden}, and any call that fails after the SDK's retries, is a
 * {@link CloudWatchReadFailed}: the calling step fails and is retried. Read-only: a retry changes nothing.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
public class CloudWatchVariantMetrics implements VariantMetricSource {

    static final String SAGEMAKER_NAMESPACE = "AWS/SageMaker";
    /** CloudWatch's limit of queries in one GetMetricData call. */
    static final int MAX_QUERIES = 500;
    private static final double MICROSECONDS_PER_MILLISECOND = 1000;

    private final CloudWatchClient cloudWatch;
    private final AbTestProperties properties;

    public CloudWatchVariantMetrics(CloudWatchClient cloudWatch, AbTestProperties properties) {
        if (!properties.businessMetrics().isEmpty() && properties.businessNamespace() == null) {
            throw new IllegalStateException("modelgov.abtest.business-metrics are configured but"
                    + " modelgov.abtest.business-namespace is not: AWS mode reads business metrics from that"
                    + " CloudWatch namespace");
        }
        this.cloudWatch = cloudWatch;
        this.properties = properties;
    }

    /** How one metric is read: namespace, CloudWatch's metric name, statistic, and the factor to ModelGov's unit. */
    record Query(String metric, String namespace, String metricName, String stat, double divisor) {
    }

    @Override
    public VariantSeries read(String endpointName, String variantName, List<String> metrics, Instant from, Instant to) {
        Map<String, List<VariantSeries.Sample>> series = new LinkedHashMap<>();
        List<Query> queries = new ArrayList<>();
        for (String metric : properties.metricsToRead(metrics)) {
            series.put(metric, new ArrayList<>());
            query(metric).ifPresent(queries::add);
        }
        if (queries.size() > MAX_QUERIES) {
            throw new IllegalArgumentException("at most " + MAX_QUERIES + " metrics can be read at once, not "
                    + queries.size());
        }
        long period = properties.period().toSeconds();
        long fromSecond = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
        Instant start = Instant.ofEpochSecond(-Math.floorDiv(-fromSecond, period) * period);
        Instant end = Instant.ofEpochSecond(Math.floorDiv(to.getEpochSecond(), period) * period);
        if (queries.isEmpty() || !start.isBefore(end)) {
            return new VariantSeries(variantName, series);
        }
        List<MetricDataQuery> dataQueries = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            dataQueries.add(MetricDataQuery.builder()
                    .id(id(i))
                    .label(q.metric())
                    .returnData(true)
                    .metricStat(stat -> stat.period((int) period).stat(q.stat())
                            .metric(m -> m.namespace(q.namespace()).metricName(q.metricName()).dimensions(
                                    Dimension.builder().name("EndpointName").value(endpointName).build(),
                                    Dimension.builder().name("VariantName").value(variantName).build())))
                    .build());
        }
        String subject = "endpoint " + endpointName + ", variant " + variantName;
        String nextToken = null;
        do {
            GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(dataQueries)
                    .startTime(start).endTime(end).scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(nextToken).build();
            GetMetricDataResponse page;
            try {
                page = cloudWatch.getMetricData(request);
            } catch (SdkException e) {
                throw new CloudWatchReadFailed("CloudWatch GetMetricData failed for " + subject + ": "
                        + CloudWatchReadFailed.describe(e), e);
            }
            for (MetricDataResult result : page.metricDataResults()) {
                Query q = queries.get(indexOf(result.id(), queries.size(), subject));
                if (result.statusCode() == StatusCode.INTERNAL_ERROR || result.statusCode() == StatusCode.FORBIDDEN) {
                    throw new CloudWatchReadFailed("CloudWatch could not read " + q.metric() + " for " + subject + ": "
                            + result.statusCodeAsString() + " " + result.messages(), null);
                }
                List<Instant> timestamps = result.timestamps();
                List<Double> values = result.values();
                List<VariantSeries.Sample> samples = series.get(q.metric());
                for (int k = 0; k < Math.min(timestamps.size(), values.size()); k++) {
                    samples.add(new VariantSeries.Sample(timestamps.get(k), values.get(k) / q.divisor()));
                }
            }
            nextToken = page.nextToken();
        } while (nextToken != null && !nextToken.isEmpty());
        series.replaceAll((metric, samples) -> samples.stream()
                .sorted(Comparator.comparing(VariantSeries.Sample::at)).toList());
        return new VariantSeries(variantName, series);
    }

    private Optional<Query> query(String metric) {
        return switch (metric) {
            case INVOCATIONS, ERRORS_5XX -> Optional.of(new Query(metric, SAGEMAKER_NAMESPACE, metric, "Sum", 1));
            case MODEL_LATENCY -> Optional.of(new Query(metric, SAGEMAKER_NAMESPACE, metric, "Average",
                    MICROSECONDS_PER_MILLISECOND));
            // a metric ModelGov does not know is answered empty (the comparison says so), not asked for
            default -> properties.business(metric).map(b -> new Query(metric, properties.businessNamespace(),
                    b.name(), "Average", 1));
        };
    }

    /** Query ids must start with a lower-case letter: m0, m1, ... */
    static String id(int index) {
        return "m" + index;
    }

    private static int indexOf(String id, int queries, String subject) {
        try {
            int index = Integer.parseInt(id.substring(1));
            if (id.startsWith("m") && index >= 0 && index < queries) {
                return index;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new CloudWatchReadFailed("CloudWatch answered a query id ModelGov did not send (" + id + ") for "
                + subject, null);
    }
}
