package org.modelgov.inventory.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.PageOf;
import org.modelgov.inventory.web.ModelJson.ModelResponse;
import org.modelgov.inventory.web.ModelJson.VersionResponse;
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

    ModelApiController(InventoryService inventory) {
        this.inventory = inventory;
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
        ModelVersion version = inventory.registerVersion(id, ModelJson.versionRegistration(body),
                CurrentActor.of(user));
        return ResponseEntity.created(URI.create("/api/models/" + id + "/versions/" + version.number()))
                .body(VersionResponse.of(version));
    }

    @GetMapping("/{id}/versions")
    List<VersionResponse> versions(@PathVariable String id) {
        return inventory.versions(id).stream().map(VersionResponse::of).toList();
    }

    @GetMapping("/{id}/versions/{number}")
    VersionResponse version(@PathVariable String id, @PathVariable int number) {
        return VersionResponse.of(inventory.version(id, number));
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
