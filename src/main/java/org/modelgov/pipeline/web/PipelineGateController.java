package org.modelgov.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.modelgov.common.InvalidInputException;
import org.modelgov.pipeline.PipelineGate;
import org.modelgov.pipeline.PipelineGateService;
import org.modelgov.security.CurrentActor;
import org.modelgov.web.JsonInput;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A pipeline hands over its task token: {@code {"taskToken": "...", "modelPackageArn": "arn:..."}}. */
@RestController
class PipelineGateController {

    private final PipelineGateService gates;

    PipelineGateController(PipelineGateService gates) {
        this.gates = gates;
    }

    @PostMapping(path = "/api/pipeline-gates", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<GateResponse> register(@RequestBody JsonNode body, Authentication user) {
        JsonInput in = JsonInput.body(body);
        in.onlyKnown(Set.of("taskToken", "modelPackageArn"));
        String token = in.text("taskToken");
        String arn = in.text("modelPackageArn");
        if (!in.problems().isEmpty()) {
            throw new InvalidInputException(in.problems());
        }
        PipelineGate gate = gates.register(token, arn, CurrentActor.of(user));
        return ResponseEntity.accepted().body(new GateResponse(gate.id(), gate.versionId(), gate.modelPackageArn(),
                gate.open(), gate.outcome()));
    }

    record GateResponse(String id, String versionId, String modelPackageArn, boolean waiting, String outcome) {
    }
}
