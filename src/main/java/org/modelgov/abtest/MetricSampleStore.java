package org.modelgov.abtest;

import java.time.Instant;
import java.util.List;

/**
 * Port: where posted metric samples are kept, in local mode only (AWS mode has CloudWatch and no store, so posting
 * is refused there).
 */
public interface MetricSampleStore {

    /**
     * Saves every sample of one variant; a sample at an instant that already has a value for its metric replaces it.
     * Runs in the caller's transaction.
     *
     * @return how many earlier samples were replaced
     */
    int save(String endpointName, String variantName, List<NewSample> samples, String postedBy, Instant postedAt);

    /** One observation: a metric's value at an instant (a period's sum or average). */
    record NewSample(String metric, Instant at, double value) {
    }
}
