package org.modelgov.incident;

/** Where the response stands. */
public enum IncidentStatus {
    OPEN, TRIAGED, CONTAINED, RESOLVED, CLOSED
}
