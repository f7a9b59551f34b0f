package org.modelgov.documentation.web;

import java.util.List;
import org.modelgov.documentation.ModelCardDocuments;
import org.modelgov.documentation.ModelCardJson;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Model cards as JSON: a revision (the current one by default), the list of revisions, and diffs. Read by everyone. */
@RestController
@RequestMapping(path = "/api/models/{modelId}", produces = MediaType.APPLICATION_JSON_VALUE)
class ModelCardApiController {

    private final ModelCardDocuments documents;

    ModelCardApiController(ModelCardDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/versions/{number}/card")
    ModelCardJson.Card card(@PathVariable String modelId, @PathVariable String number,
                            @RequestParam(required = false) String revision) {
        return ModelCardJson.Card.of(documents.show(modelId, CardParams.version(modelId, number),
                CardParams.revision(revision)));
    }

    @GetMapping("/versions/{number}/card/revisions")
    List<ModelCardJson.Revision> revisions(@PathVariable String modelId, @PathVariable String number) {
        return documents.revisions(modelId, CardParams.version(modelId, number)).stream()
                .map(r -> ModelCardJson.Revision.of(r, false)).toList();
    }

    @GetMapping("/versions/{number}/card/diff")
    ModelCardJson.Diff revisionDiff(@PathVariable String modelId, @PathVariable String number,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        int version = CardParams.version(modelId, number);
        int older = CardParams.required("from", from, "a revision number (1, 2, …)");
        int newer = CardParams.required("to", to, "a revision number (1, 2, …)");
        return ModelCardJson.Diff.of(documents.revisions(modelId, version, older, newer));
    }

    @GetMapping("/cards/diff")
    ModelCardJson.Diff versionDiff(@PathVariable String modelId, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to) {
        int older = CardParams.required("from", from, "a version number (1, 2, …)");
        int newer = CardParams.required("to", to, "a version number (1, 2, …)");
        return ModelCardJson.Diff.of(documents.versions(modelId, older, newer));
    }
}
