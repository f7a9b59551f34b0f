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

    static Finding of(Area area, String check, FindingLevel level, String message) {
        return new Finding(area, check, level, message, null, null);
    }

    /** One line for a reviewer: {@code FAIL technical PERFORMANCE_DROP: ...}. */
    public String line() {
        return level + " " + area.name().toLowerCase() + " " + check + ": " + message;
    }
}
