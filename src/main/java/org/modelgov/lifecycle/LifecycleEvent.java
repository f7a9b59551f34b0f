package org.modelgov.lifecycle;

/** Things that happen to a version at any time, delivered to its lifecycle as BPMN messages. */
public enum LifecycleEvent {
    RETIREMENT_REQUESTED("RetireRequested"),
    DRIFT_REPORTED("DriftReported"),
    INCIDENT_REPORTED("IncidentReported"),
    INCIDENT_CLOSED("IncidentClosed");

    private final String messageName;

    LifecycleEvent(String messageName) {
        this.messageName = messageName;
    }

    public String messageName() {
        return messageName;
    }
}
