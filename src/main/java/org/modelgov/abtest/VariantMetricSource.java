package org.modelgov.abtest;

import java.time.Instant;
import java.util.List;

/**
 * Port: what one production variant of an endpoint did over a window. AWS mode reads CloudWatch GetMetricData
 * ({@code AWS/SageMaker} per-variant metrics, and the team's business-metric namespace); local mode reads the
 * metric samples posted to ModelGov's API. The same port, so the A/B stage runs the same in both modes.
 */
public interface VariantMetricSource {

    /** SageMaker's per-variant metric names, and the prefix of a business metric ({@code business:approval_rate}). */
    String INVOCATIONS = "Invocations";
    String ERRORS_5XX = "Invocation5XXErrors";
    String MODEL_LATENCY = "ModelLatency";
    String BUSINESS_PREFIX = "business:";

    /**
     * Per-period values of each named metric for the variant over {@code [from, to)}, in time order. A metric
     * without data is present with an empty list.
     */
    VariantSeries read(String endpointName, String variantName, List<String> metrics, Instant from, Instant to);
}
