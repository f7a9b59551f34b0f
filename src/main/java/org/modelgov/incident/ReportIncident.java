package org.modelgov.incident;

import java.util.Arrays;
import java.util.List;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.Violations;

/**
 * Command: report an incident on a model.
 *
 * @param externalId the raising system's id (alarm ARN, ticket); the same one again while the incident is
 *                   open adds an occurrence instead of opening a new incident
 * @param source     API, TASKLIST, SNS, REASSESSMENT or GUARDDUTY
 */
public record ReportIncident(String modelId, String type, String description, String externalId, boolean exercise,
                             String source, List<FieldViolation> malformed) {

    public ReportIncident {
        malformed = malformed == null ? List.of() : List.copyOf(malformed);
    }

    Violations check() {
        Violations v = new Violations().addAll(malformed);
        if (!v.has("modelId")) {
            v.requireText("modelId", modelId, 64);
        }
        if (!v.has("type")) {
            if (type == null || type.isBlank()) {
                v.add("type", "is required: one of " + Arrays.toString(IncidentType.values()));
            } else if (Arrays.stream(IncidentType.values()).noneMatch(t -> t.name().equals(type))) {
                v.add("type", "must be one of " + Arrays.toString(IncidentType.values()) + ", not '" + type + "'");
            }
        }
        if (!v.has("description")) {
            v.requireText("description", description, 4000);
        }
        if (!v.has("externalId")) {
            v.optionalText("externalId", externalId, 512);
        }
        return v;
    }

    IncidentType incidentType() {
        return IncidentType.valueOf(type);
    }
}
