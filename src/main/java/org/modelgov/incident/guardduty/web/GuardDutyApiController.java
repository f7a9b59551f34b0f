package org.modelgov.incident.guardduty.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.InvalidInputException;
import org.modelgov.incident.guardduty.GuardDutyEvent;
import org.modelgov.incident.guardduty.GuardDutyIntake;
import org.modelgov.incident.guardduty.ModelAwsResources;
import org.modelgov.inventory.Actor;
import org.modelgov.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GuardDuty findings posted by an EventBridge API destination (one event per request, Basic auth of the security
 * integration user), and the AWS resources declared for a model that findings are matched against.
 */
@RestController
class GuardDutyApiController {

    private static final Set<String> RESOURCE_FIELDS = Set.of("executionRoles", "buckets");

    private final GuardDutyIntake intake;
    private final ModelAwsResources resources;

    GuardDutyApiController(GuardDutyIntake intake, ModelAwsResources resources) {
        this.intake = intake;
        this.resources = resources;
    }

    // the body is read as text: its SHA-256 is the evidence of what was received
    @PostMapping(path = "/api/security/guardduty-findings", consumes = MediaType.ALL_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    GuardDutyIntake.Outcome receive(@RequestBody(required = false) String body, Authentication user) {
        Actor actor = CurrentActor.of(user);
        // refused before the body is even parsed: a refusal says nothing about the payload
        if (!GuardDutyIntake.mayPost(actor)) {
            throw new AccessDeniedToActionException("Only the security integration and governance administrators may"
                    + " post GuardDuty findings");
        }
        return intake.receive(GuardDutyEvent.parse(body), actor);
    }

    @GetMapping(path = "/api/models/{id}/aws-resources", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelAwsResources.View resources(@PathVariable String id) {
        return resources.of(id);
    }

    /** Replaces the model's declared execution roles and buckets: {"executionRoles": [...], "buckets": [...]}. */
    @PutMapping(path = "/api/models/{id}/aws-resources", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ModelAwsResources.View declare(@PathVariable String id, @RequestBody JsonNode body, Authentication user) {
        List<FieldViolation> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object with executionRoles and buckets");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!RESOURCE_FIELDS.contains(name)) {
                problems.add(new FieldViolation(name, "is not a field here (expected executionRoles, buckets)"));
            }
        });
        List<String> roles = strings(body, "executionRoles", problems);
        List<String> buckets = strings(body, "buckets", problems);
        return resources.declare(id, roles, buckets, problems, CurrentActor.of(user));
    }

    private static List<String> strings(JsonNode body, String field, List<FieldViolation> problems) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(new FieldViolation(field, "must be a list of strings"));
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                problems.add(new FieldViolation(field + "[" + i + "]", "must be a string"));
            } else {
                items.add(value.get(i).textValue());
            }
        }
        return items;
    }
}
