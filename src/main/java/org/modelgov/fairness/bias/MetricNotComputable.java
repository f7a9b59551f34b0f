package org.modelgov.fairness.bias;

/**
 * A metric that cannot be computed on this data (an empty facet, no positive labels...). The
 * report shows it as {@code "value": null} with this message as {@code "error"}; other metrics
 * are still computed, as in Clarify.
 */
public class MetricNotComputable extends RuntimeException {

    public MetricNotComputable(String message) {
        super(message, null, false, false);
    }
}
