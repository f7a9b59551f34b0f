package org.modelgov.validation;

/**
 * One result of a check.
 *
 * @param check            what was checked ({@code PERFORMANCE_DROP}, {@code DI:sex=Female}, {@code ENCRYPTION_AT_REST})
 * @param metricValue      the measured value, when the check measured one
 * @param evidenceReportId the stored report the value comes from, when there is one
 */
public record Finding(Area area, String check, FindingLevel level, String message, Double metricValue,
                      String evidenceReportId) {

    public Finding {
        message = message.length() > 2000 ? message.substring(0, 1999) + "…" : message;
    }

    /** Separates what was measured from the threshold it was held to in a checked finding's message. */
    public static final String THRESHOLD_SEPARATOR = "; threshold: ";
    /** How findings recorded before thresholds were kept named the bound that was broken. */
    private static final String OLD_POLICY_SEPARATOR = "; policy: ";

    static Finding of(Area area, String check, FindingLevel level, String message) {
        return new Finding(area, check, level, message, null, null);
    }

    /** The threshold the value was held to, as recorded when the check ran; empty when the check had none. */
    public java.util.Optional<String> threshold() {
        return thresholdAt().map(at -> message.substring(at[0] + at[1]));
    }

    /** What was measured or found, without the threshold. */
    public String measured() {
        return thresholdAt().map(at -> message.substring(0, at[0])).orElse(message.endsWith(" (within policy)")
                ? message.substring(0, message.length() - 16) : message);
    }

    /** Where the recorded threshold's separator stands in the message and how long it is. */
    private java.util.Optional<int[]> thresholdAt() {
        for (String separator : java.util.List.of(THRESHOLD_SEPARATOR, OLD_POLICY_SEPARATOR)) {
            int at = message.indexOf(separator);
            if (at >= 0) {
                return java.util.Optional.of(new int[] {at, separator.length()});
            }
        }
        return java.util.Optional.empty();
    }

    /** One line for a reviewer: {@code FAIL technical PERFORMANCE_DROP: ...}. */
    public String line() {
        return level + " " + area.name().toLowerCase() + " " + check + ": " + message;
    }
}
