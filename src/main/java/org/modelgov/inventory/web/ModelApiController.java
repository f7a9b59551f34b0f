package org.modelgov.inventory.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.PageOf;
import org.modelgov.inventory.web.ModelJson.ModelResponse;
import org.modelgov.inventory.web.ModelJson.LifecycleResponse;
import org.modelgov.inventory.web.ModelJson.VersionResponse;
import org.modelgov.lifecycle.LifecycleService;
import org.modelgov.lifecycle.LifecycleState;
import org.modelgov.web.JsonInput;
import org.modelgov.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The model inventory's REST API. */
@RestController
@RequestMapping(path = "/api/models", produces = MediaType.APPLICATION_JSON_VALUE)
class ModelApiController {

    private final InventoryService inventory;
    private final LifecycleService lifecycle;

    ModelApiController(InventoryService inventory, LifecycleService lifecycle) {
        this.inventory = inventory;
        this.lifecycle = lifecycle;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModelResponse> register(@RequestBody JsonNode body, Authentication user) {
        Model model = inventory.register(ModelJson.registration(body, user.getName()), CurrentActor.of(user));
        return ResponseEntity.created(URI.create("/api/models/" + model.id())).body(ModelResponse.of(model));
    }

    @GetMapping("/{id}")
    ModelResponse get(@PathVariable String id) {
        return ModelResponse.of(inventory.get(id));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ModelResponse change(@PathVariable String id, @RequestBody JsonNode body, Authentication user) {
        return ModelResponse.of(inventory.change(id, ModelJson.change(body), CurrentActor.of(user)));
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionResponse> registerVersion(@PathVariable String id, @RequestBody JsonNode body,
                                                    Authentication user) {
        LifecycleService.Started started = lifecycle.registerVersion(id, ModelJson.versionRegistration(body),
                CurrentActor.of(user));
        ModelVersion version = started.version();
        return ResponseEntity.created(URI.create("/api/models/" + id + "/versions/" + version.number()))
                .body(VersionResponse.of(version, lifecycleOf(started.lifecycle())));
    }

    @GetMapping("/{id}/versions")
    List<VersionResponse> versions(@PathVariable String id) {
        return inventory.versions(id).stream().map(this::withLifecycle).toList();
    }

    @GetMapping("/{id}/versions/{number}")
    VersionResponse version(@PathVariable String id, @PathVariable int number) {
        return withLifecycle(inventory.version(id, number));
    }

    /** Starts the version's lifecycle if it has none (201), else answers the one it has (200). */
    @PostMapping("/{id}/versions/{number}/lifecycle")
    ResponseEntity<LifecycleResponse> startLifecycle(@PathVariable String id, @PathVariable int number,
                                                     Authentication user) {
        LifecycleService.Started started = lifecycle.start(id, number, CurrentActor.of(user));
        LifecycleResponse body = lifecycleOf(started.lifecycle());
        return started.newlyStarted()
                ? ResponseEntity.created(URI.create("/api/models/" + id + "/versions/" + number)).body(body)
                : ResponseEntity.ok(body);
    }

    /** Ends the version's lifecycle: retired in the inventory and the registry. Body: {"reason": "..."}. */
    @PostMapping(path = "/{id}/versions/{number}/retirement", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionResponse> requestRetirement(@PathVariable String id, @PathVariable int number,
                                                      @RequestBody JsonNode body, Authentication user) {
        lifecycle.requestRetirement(id, number, reason(body), CurrentActor.of(user));
        return ResponseEntity.accepted().body(withLifecycle(inventory.version(id, number)));
    }

    /** Drift seen on the version in production: a reassessment starts now. Body: {"reason": "..."}. */
    @PostMapping(path = "/{id}/versions/{number}/drift-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionResponse> reportDrift(@PathVariable String id, @PathVariable int number,
                                                @RequestBody JsonNode body, Authentication user) {
        lifecycle.reportDrift(id, number, reason(body), CurrentActor.of(user));
        return ResponseEntity.accepted().body(withLifecycle(inventory.version(id, number)));
    }

    private static String reason(JsonNode body) {
        JsonInput in = JsonInput.body(body);
        in.onlyKnown(java.util.Set.of("reason"));
        String reason = in.multiLineText("reason");
        if (!in.problems().isEmpty()) {
            throw new org.modelgov.common.InvalidInputException(in.problems());
        }
        return reason;
    }

    private VersionResponse withLifecycle(ModelVersion version) {
        return VersionResponse.of(version, lifecycle.state(version.id()).map(ModelApiController::lifecycleOf)
                .orElse(null));
    }

    private static LifecycleResponse lifecycleOf(LifecycleState state) {
        return new LifecycleResponse(state.processInstanceId(), state.ended(), state.waitingAt());
    }

    @GetMapping
    PageResponse<ModelResponse> search(@RequestParam(required = false) String riskTier,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) String owner,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) String page,
                                       @RequestParam(required = false) String size,
                                       @RequestParam(required = false) String sort) {
        PageOf<Model> result = inventory.search(ModelQueryParams.parse(riskTier, status, owner, q, page, size, sort));
        return new PageResponse<>(result.items().stream().map(ModelResponse::of).toList(), result.page(),
                result.size(), result.totalItems(), result.totalPages());
    }

    record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
    }
}
