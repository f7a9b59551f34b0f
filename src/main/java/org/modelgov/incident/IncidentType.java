package org.modelgov.incident;

/** What went wrong. */
public enum IncidentType {
    PERFORMANCE_DEGRADATION, DRIFT, BIAS, SECURITY, OUTAGE, HARMFUL_OUTPUT, DATA_LEAK
}
