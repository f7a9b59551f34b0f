package org.modelgov.incident.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.common.InvalidInputException;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentEngine;
import org.modelgov.incident.IncidentService;
import org.modelgov.incident.IncidentStatus;
import org.modelgov.incident.ReportIncident;
import org.modelgov.security.CurrentActor;
import org.modelgov.web.JsonInput;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Incidents: intake, reading with measures, the exercise timeline, and manual break-glass. */
@RestController
class IncidentApiController {

    private static final Set<String> REPORT_FIELDS = Set.of("modelId", "type", "description", "externalId", "exercise");

    private final IncidentService incidents;

    IncidentApiController(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** 201 for a new incident; 200 when the same external id is open already (one more occurrence). */
    @PostMapping(path = "/api/incidents", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentResponse> report(@RequestBody JsonNode body, Authentication user) {
        JsonInput in = JsonInput.body(body);
        in.onlyKnown(REPORT_FIELDS);
        Boolean exercise = in.bool("exercise");
        IncidentService.Reported reported = incidents.report(new ReportIncident(in.text("modelId"), in.text("type"),
                in.multiLineText("description"), in.text("externalId"), Boolean.TRUE.equals(exercise), "API",
                in.problems()), user.getName());
        IncidentResponse response = IncidentResponse.of(reported.incident());
        return reported.opened()
                ? ResponseEntity.created(URI.create("/api/incidents/" + reported.incident().id())).body(response)
                : ResponseEntity.ok(response);
    }

    @GetMapping(path = "/api/incidents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentResponse get(@PathVariable String id) {
        return IncidentResponse.of(incidents.get(id));
    }

    @GetMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
    List<IncidentResponse> list(@RequestParam(required = false) String modelId,
                                @RequestParam(required = false) String status,
                                @RequestParam(defaultValue = "100") int limit) {
        IncidentStatus wanted = null;
        if (status != null) {
            try {
                wanted = IncidentStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("status", "must be one of " + java.util.Arrays.toString(
                        IncidentStatus.values()));
            }
        }
        return incidents.list(modelId, wanted, limit).stream().map(IncidentResponse::of).toList();
    }

    /** Each step of the response with its duration: how a tabletop exercise (or a real incident) went. */
    @GetMapping(path = "/api/incidents/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    List<IncidentEngine.Step> timeline(@PathVariable String id) {
        return incidents.timeline(id);
    }

    @PostMapping(path = "/api/models/{modelId}/break-glass", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    DeploymentControl.Containment breakGlass(@PathVariable String modelId, @RequestBody JsonNode body,
                                             Authentication user) {
        JsonInput in = JsonInput.body(body);
        in.onlyKnown(Set.of("reason"));
        String reason = in.multiLineText("reason");
        if (!in.problems().isEmpty()) {
            throw new InvalidInputException(in.problems());
        }
        return incidents.breakGlass(modelId, reason, CurrentActor.of(user));
    }

    @PostMapping(path = "/api/models/{modelId}/break-glass/undo", produces = MediaType.APPLICATION_JSON_VALUE)
    DeploymentControl.Containment undo(@PathVariable String modelId, Authentication user) {
        return incidents.undoBreakGlass(modelId, CurrentActor.of(user));
    }

    /** An incident with its measures (seconds from awareness; null until reached). */
    record IncidentResponse(String id, String modelId, String versionId, String type, String description,
                            String reporter, String source, String externalId, boolean exercise, String status,
                            String severity, Boolean serious, String seriousKind, String rootCause,
                            String remediation, String reportReference, int occurrences, Instant awareAt,
                            Instant triagedAt, Instant containedAt, Instant resolvedAt, Instant closedAt,
                            Instant reportDueAt, Instant reportFiledAt, Map<String, Long> measures) {

        static IncidentResponse of(Incident i) {
            Map<String, Long> measures = new java.util.LinkedHashMap<>();
            measures.put("timeToTriageSeconds", seconds(i.timeToTriage()));
            measures.put("timeToContainSeconds", seconds(i.timeToContain()));
            measures.put("timeToResolveSeconds", seconds(i.timeToResolve()));
            return new IncidentResponse(i.id(), i.modelId(), i.versionId(), i.type().name(), i.description(),
                    i.reporter(), i.source(), i.externalId(), i.exercise(), i.status().name(),
                    i.severity() == null ? null : i.severity().name(), i.serious(),
                    i.seriousKind() == null ? null : i.seriousKind().name(), i.rootCause(), i.remediation(),
                    i.reportReference(), i.occurrences(), i.awareAt(), i.triagedAt(), i.containedAt(),
                    i.resolvedAt(), i.closedAt(), i.reportDueAt(), i.reportFiledAt(), measures);
        }

        private static Long seconds(Duration d) {
            return d == null ? null : d.toSeconds();
        }
    }
}
