package org.modelgov.documentation.web;

import java.util.List;
import java.util.stream.IntStream;
import org.modelgov.common.InvalidInputException;
import org.modelgov.documentation.CardRevision;
import org.modelgov.documentation.ModelCardDocuments;
import org.modelgov.documentation.ModelCardService;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The model card pages: a version's card (any revision) with its history, the same as a PDF, and the field-level
 * difference between two revisions of a card or between the cards of two versions. Every logged-in user reads them.
 */
@Controller
class ModelCardPageController {

    private final ModelCardDocuments documents;
    private final InventoryService inventory;
    private final ModelCardService cards;

    ModelCardPageController(ModelCardDocuments documents, InventoryService inventory, ModelCardService cards) {
        this.documents = documents;
        this.inventory = inventory;
        this.cards = cards;
    }

    @GetMapping("/models/{modelId}/versions/{number}/card")
    String card(@PathVariable String modelId, @PathVariable String number,
                @RequestParam(required = false) String revision, Model model) {
        model.addAttribute("shown", documents.show(modelId, CardParams.version(modelId, number),
                CardParams.revision(revision)));
        return "cards/card";
    }

    @GetMapping("/models/{modelId}/versions/{number}/card.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String modelId, @PathVariable String number,
                               @RequestParam(required = false) String revision) {
        ModelCardDocuments.Shown shown = documents.show(modelId, CardParams.version(modelId, number),
                CardParams.revision(revision));
        byte[] pdf = documents.pdf(shown);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(shown.model().id() + "-v" + shown.version().number() + "-card-r"
                                + shown.card().revision() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/models/{modelId}/versions/{number}/card/diff")
    String revisionDiff(@PathVariable String modelId, @PathVariable String number,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        Model model) {
        int version = CardParams.version(modelId, number);
        int older = CardParams.required("from", from, "a revision number (1, 2, …)");
        int newer = CardParams.required("to", to, "a revision number (1, 2, …)");
        ModelCardDocuments.Compared compared = documents.revisions(modelId, version, older, newer);
        int latest = documents.revisions(modelId, version).stream().mapToInt(CardRevision::revision).max()
                .orElse(newer);
        String base = "/models/" + modelId + "/versions/" + version + "/card/diff";
        model.addAttribute("compared", compared);
        model.addAttribute("mode", "revisions");
        model.addAttribute("heading", "Model card of " + compared.toVersion().id() + ": revision " + older
                + " → " + newer);
        model.addAttribute("choices", IntStream.rangeClosed(1, latest).boxed().toList());
        model.addAttribute("fromChoice", older);
        model.addAttribute("toChoice", newer);
        model.addAttribute("action", link(base));
        model.addAttribute("jsonLink", link("/api" + base, older, newer));
        return "cards/diff";
    }

    @GetMapping("/models/{modelId}/cards/diff")
    String versionDiff(@PathVariable String modelId, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, Model model) {
        int older = CardParams.required("from", from, "a version number (1, 2, …)");
        int newer = CardParams.required("to", to, "a version number (1, 2, …)");
        ModelCardDocuments.Compared compared = documents.versions(modelId, older, newer);
        // only versions with a card can be compared
        List<Integer> choices = inventory.versions(modelId).stream()
                .filter(v -> cards.find(v.id()).isPresent()).map(ModelVersion::number).sorted().toList();
        String base = "/models/" + modelId + "/cards/diff";
        model.addAttribute("compared", compared);
        model.addAttribute("mode", "versions");
        model.addAttribute("heading", "Model cards of " + compared.model().id() + ": version " + older + " → "
                + newer);
        model.addAttribute("choices", choices);
        model.addAttribute("fromChoice", older);
        model.addAttribute("toChoice", newer);
        model.addAttribute("action", link(base));
        model.addAttribute("jsonLink", link("/api" + base, older, newer));
        return "cards/diff";
    }

    /** A bad revision or version number in the query: the page says which parameter and what it must be. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView invalid(InvalidInputException e) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", HttpStatus.BAD_REQUEST.value());
        view.addObject("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
        view.addObject("message", e.getMessage());
        return view;
    }

    private static String link(String path) {
        return UriComponentsBuilder.fromPath(path).encode().build().toUriString();
    }

    private static String link(String path, int from, int to) {
        return UriComponentsBuilder.fromPath(path).queryParam("from", from).queryParam("to", to).encode().build()
                .toUriString();
    }
}
