package org.modelgov.exercise.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.common.InvalidInputException;
import org.modelgov.exercise.Exercise;
import org.modelgov.exercise.ExerciseRepository;
import org.modelgov.exercise.ExerciseService;
import org.modelgov.exercise.ExerciseTrend;
import org.modelgov.exercise.Scenario;
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

/** Tabletop exercises: start one now, list them with their timings, the response-time trend, the scenarios. */
@RestController
class ExerciseApiController {

    private final ExerciseService exercises;

    ExerciseApiController(ExerciseService exercises) {
        this.exercises = exercises;
    }

    /** Incident responders, governance administrators and the model's owner; {"scenario": id} is optional. */
    @PostMapping(path = "/api/models/{modelId}/exercises", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExerciseResponse> start(@PathVariable String modelId,
                                           @RequestBody(required = false) JsonNode body, Authentication user) {
        JsonInput in = JsonInput.body(body == null ? JsonNodeFactory.instance.objectNode() : body);
        in.onlyKnown(Set.of("scenario"));
        String scenario = in.text("scenario");
        if (!in.problems().isEmpty()) {
            throw new InvalidInputException(in.problems());
        }
        Exercise started = exercises.startNow(modelId, scenario, CurrentActor.of(user));
        return ResponseEntity.created(URI.create("/api/exercises/" + started.id()))
                .body(ExerciseResponse.of(exercises.timed(started.id())));
    }

    @GetMapping(path = "/api/exercises/{id:EX-[A-Z0-9-]{1,40}}", produces = MediaType.APPLICATION_JSON_VALUE)
    ExerciseResponse get(@PathVariable String id) {
        return ExerciseResponse.of(exercises.timed(id));
    }

    @GetMapping(path = "/api/exercises", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ExerciseResponse> list(@RequestParam(required = false) String modelId,
                                @RequestParam(defaultValue = "100") int limit) {
        return exercises.list(modelId, limit).stream().map(ExerciseResponse::of).toList();
    }

    @GetMapping(path = "/api/exercises/trend", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ExerciseTrend.Point> trend(@RequestParam(defaultValue = "8") int quarters) {
        return exercises.trend(quarters);
    }

    @GetMapping(path = "/api/exercises/scenarios", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Scenario> scenarios() {
        return exercises.scenarios();
    }

    /** The fault experiment of an exercise, when its scenario names one. */
    record Fault(String template, String experimentId, String state, String reason, Instant startedAt,
                 Instant checkedAt, Instant endedAt) {
    }

    /** An exercise with its incident's milestones and measures (seconds from awareness; null until reached). */
    record ExerciseResponse(String id, String modelId, String modelName, String team, String scenarioId,
                            String scenarioTitle, String incidentId, String incidentStatus, String source,
                            String startedBy, Instant startedAt, String period, Fault fault, Instant awareAt,
                            Instant triagedAt, Instant containedAt, Instant resolvedAt, Instant closedAt,
                            Map<String, Long> measures) {

        static ExerciseResponse of(ExerciseRepository.Timed t) {
            Exercise e = t.exercise();
            Map<String, Long> measures = new LinkedHashMap<>();
            measures.put("timeToTriageSeconds", seconds(t.awareAt(), t.triagedAt()));
            measures.put("timeToContainSeconds", seconds(t.awareAt(), t.containedAt()));
            measures.put("timeToResolveSeconds", seconds(t.awareAt(), t.resolvedAt()));
            measures.put("timeToCloseSeconds", seconds(t.awareAt(), t.closedAt()));
            Fault fault = e.hasFault() ? new Fault(e.faultTemplate(), e.faultExperimentId(),
                    e.faultState() == null ? null : e.faultState().name(), e.faultReason(), e.faultStartedAt(),
                    e.faultCheckedAt(), e.faultEndedAt()) : null;
            return new ExerciseResponse(e.id(), e.modelId(), t.modelName(), e.team(), e.scenarioId(),
                    e.scenarioTitle(), e.incidentId(), t.incidentStatus(), e.source(), e.startedBy(), e.startedAt(),
                    e.periodKey(), fault, t.awareAt(), t.triagedAt(), t.containedAt(), t.resolvedAt(), t.closedAt(),
                    measures);
        }

        private static Long seconds(Instant from, Instant to) {
            return from == null || to == null ? null : Duration.between(from, to).toSeconds();
        }
    }
}
