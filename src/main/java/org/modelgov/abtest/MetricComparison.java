package org.modelgov.abtest;

/**
 * Champion against challenger on one metric.
 *
 * @param test            the statistical test used: {@code TWO_PROPORTION_Z} (error rates), {@code MANN_WHITNEY_U}
 *                        (latency, business metrics) or {@code BOOTSTRAP_MEAN_DIFFERENCE}
 * @param championValue   the champion's figure (error rate, median latency in ms, business mean)
 * @param challengerValue the challenger's figure, same unit
 * @param relativeChange  (challenger − champion) / champion, signed so that a positive value is worse
 * @param pValue          one-sided p-value of "the challenger is worse"
 * @param verdict         PASS, FAIL or INCONCLUSIVE (too little traffic to tell)
 * @param reason          why, in a sentence a reviewer reads
 */
public record MetricComparison(String metric, String test, double championValue, double challengerValue,
                               double relativeChange, double pValue, Verdict verdict, String reason) {

    public enum Verdict { PASS, FAIL, INCONCLUSIVE }
}
