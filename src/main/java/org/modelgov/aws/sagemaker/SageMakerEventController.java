package org.modelgov.aws.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.inventory.Actor;
import org.modelgov.security.CurrentActor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake for EventBridge "SageMaker Model Package State Change" events (e.g. through an EventBridge API
 * destination using a governance administrator's credentials). The same event more than once is harmless.
 */
@RestController
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class SageMakerEventController {

    static final String DETAIL_TYPE = "SageMaker Model Package State Change";

    private final RegistryGuard guard;

    SageMakerEventController(RegistryGuard guard) {
        this.guard = guard;
    }

    @PostMapping(path = "/api/events/sagemaker", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> event(@RequestBody JsonNode event, Authentication user) {
        Actor actor = CurrentActor.of(user);
        if (!actor.isIn(GovernanceRole.GOVERNANCE_ADMIN.groupId()) && !actor.isIn(GovernanceRole.CAMUNDA_ADMIN_GROUP)) {
            throw new AccessDeniedToActionException("Only governance administrators (the EventBridge connection's"
                    + " user) may deliver SageMaker events");
        }
        if (event == null || !event.isObject()) {
            throw InvalidInputException.of("body", "must be an EventBridge event (a JSON object)");
        }
        if (!DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            return ResponseEntity.accepted().body(Map.of("handled", false, "reason", "not a " + DETAIL_TYPE + " event"));
        }
        String arn = event.path("detail").path("ModelPackageArn").asText(null);
        if (arn == null || !arn.contains(":model-package/")) {
            throw InvalidInputException.of("detail.ModelPackageArn", "is required: a SageMaker model package ARN");
        }
        boolean reverted = guard.check(arn, event.path("detail").path("ModelApprovalStatus").asText(""));
        return ResponseEntity.accepted().body(Map.of("handled", true, "reverted", reverted));
    }
}
