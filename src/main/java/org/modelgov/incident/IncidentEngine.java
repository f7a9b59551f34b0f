package org.modelgov.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: the workflow engine running IncidentResponseProcess (business key = incident id). */
public interface IncidentEngine {

    String PROCESS_KEY = "IncidentResponseProcess";

    /** @return the process instance id */
    String start(String incidentId, Map<String, Object> variables);

    /** Every step the response went through, in order, with how long it took (for exercises and reviews). */
    List<Step> timeline(String incidentId);

    record Step(String activityId, String name, String type, String assignee, Instant startedAt, Instant endedAt,
                Long durationMillis) {
    }
}
