package org.modelgov.documentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.common.NotFoundException;
import org.modelgov.documents.PdfDocuments;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A version's model card as a document: one revision (the current one unless asked) laid out for reading, as a
 * page or a PDF, and the difference between two revisions of a version or between the cards of two versions.
 */
@Service
public class ModelCardDocuments {

    static final String PDF_TEMPLATE = "pdf/model-card";

    private final InventoryService inventory;
    private final ModelCardService cards;
    private final PdfDocuments pdf;

    ModelCardDocuments(InventoryService inventory, ModelCardService cards, PdfDocuments pdf) {
        this.inventory = inventory;
        this.cards = cards;
        this.pdf = pdf;
    }

    /** One revision of a version's card, with what a reader needs around it. */
    public record Shown(Model model, ModelVersion version, CardRevision card, List<CardRevision> revisions,
                        CardView view) {

        public int latestRevision() {
            return revisions.isEmpty() ? card.revision() : revisions.get(revisions.size() - 1).revision();
        }

        public boolean isCurrent() {
            return card.revision() == latestRevision();
        }

        public String title() {
            return "Model card of " + version.id() + ", revision " + card.revision();
        }
    }

    /** Two cards compared: {@code from} is the older side. */
    public record Compared(Model model, ModelVersion fromVersion, CardRevision from, ModelVersion toVersion,
                           CardRevision to, CardDiff diff) {
    }

    /**
     * @param revision null for the current revision
     * @throws NotFoundException for an unknown model, version or revision, or a version without a card yet
     */
    @Transactional(readOnly = true)
    public Shown show(String modelId, int number, Integer revision) {
        Model model = inventory.get(modelId);
        ModelVersion version = inventory.version(modelId, number);
        CardRevision card = cards.revision(version.id(), revision);
        return new Shown(model, version, card, cards.revisions(version.id()), CardView.of(card.content()));
    }

    /** The card's revisions, oldest first (checks that the model and version exist). */
    @Transactional(readOnly = true)
    public List<CardRevision> revisions(String modelId, int number) {
        inventory.get(modelId);
        ModelVersion version = inventory.version(modelId, number);
        List<CardRevision> revisions = cards.revisions(version.id());
        if (revisions.isEmpty()) {
            throw new NotFoundException("Model version " + version.id() + " has no model card yet");
        }
        return revisions;
    }

    /** Two revisions of one version's card. */
    @Transactional(readOnly = true)
    public Compared revisions(String modelId, int number, int from, int to) {
        Model model = inventory.get(modelId);
        ModelVersion version = inventory.version(modelId, number);
        CardRevision older = cards.revision(version.id(), from);
        CardRevision newer = cards.revision(version.id(), to);
        return new Compared(model, version, older, version, newer, CardDiff.between(older.content(), newer.content()));
    }

    /** The current cards of two versions of a model. */
    @Transactional(readOnly = true)
    public Compared versions(String modelId, int from, int to) {
        Model model = inventory.get(modelId);
        ModelVersion older = inventory.version(modelId, from);
        ModelVersion newer = inventory.version(modelId, to);
        CardRevision a = cards.revision(older.id(), null);
        CardRevision b = cards.revision(newer.id(), null);
        return new Compared(model, older, a, newer, b, CardDiff.between(a.content(), b.content()));
    }

    /** The card as a PDF: the same sections and labels as the page. */
    public byte[] pdf(Shown shown) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shown", shown);
        variables.put("model", shown.model());
        variables.put("version", shown.version());
        variables.put("card", shown.card());
        variables.put("view", shown.view());
        variables.put("title", shown.title());
        return pdf.render(PDF_TEMPLATE, variables);
    }
}
