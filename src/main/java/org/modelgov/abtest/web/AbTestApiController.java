package org.modelgov.abtest.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.modelgov.abtest.AbTest;
import org.modelgov.abtest.ChallengerStage;
import org.modelgov.security.CurrentActor;
import org.modelgov.web.JsonInput;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A model's A/B tests: reading them (every logged-in user, as the model page), and stopping the running one
 * (incident responders and governance administrators; ChallengerStage checks who). The stop is the only way the
 * stage's StopChallengerTest message is sent: the engine guard refuses messages through /engine-rest from anyone
 * but governance administrators.
 */
@RestController
class AbTestApiController {

    private final ChallengerStage stage;

    AbTestApiController(ChallengerStage stage) {
        this.stage = stage;
    }

    @GetMapping(path = "/api/models/{modelId}/ab-tests", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AbTestResponse> list(@PathVariable String modelId) {
        return stage.ofModel(modelId).stream().map(AbTestResponse::of).toList();
    }

    /** 200 with the test, its stop recorded; the stage then withdraws the challenger and sends the version back. */
    @PostMapping(path = "/api/models/{modelId}/ab-test/stop", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AbTestResponse stop(@PathVariable String modelId, @RequestBody JsonNode body, Authentication user) {
        JsonInput in = JsonInput.body(body);
        in.onlyKnown(Set.of("reason"));
        String reason = in.multiLineText("reason");
        return AbTestResponse.of(stage.requestStop(modelId, reason, CurrentActor.of(user), in.problems()));
    }

    record AbTestResponse(String id, String versionId, String modelId, String endpointName, String championVariant,
                          String challengerVariant, double challengerShare, Instant decidedAt, Instant startedAt,
                          Instant windowEndsAt, Instant endedAt, String outcome, String outcomeReason,
                          String stoppedBy, String stopReason, Instant stopRequestedAt, String evidenceReportId,
                          Instant promotedAt, JsonNode policy) {

        static AbTestResponse of(AbTest t) {
            return new AbTestResponse(t.id(), t.versionId(), t.modelId(), t.endpointName(), t.championVariant(),
                    t.challengerVariant(), t.challengerShare(), t.decidedAt(), t.startedAt(), t.windowEndsAt(),
                    t.endedAt(), t.outcome() == null ? "RUNNING" : t.outcome().name(), t.outcomeReason(),
                    t.stoppedBy(), t.stopReason(), t.stopRequestedAt(), t.evidenceReportId(), t.promotedAt(),
                    org.modelgov.abtest.ComparisonJson.read(t.policyJson()));
        }
    }
}
