package org.modelgov.documentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import org.modelgov.export.AuditorExportPart;
import org.modelgov.export.ExportFile;
import org.modelgov.export.ExportNames;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.springframework.stereotype.Component;

/**
 * The auditor's export, model cards: for each version with a card, its current card as PDF and JSON
 * ({@code model-cards/<modelId>-v<n>.pdf}, {@code .json}) and its whole revision history with each revision's
 * content ({@code model-cards/<modelId>-v<n>-revisions.json}).
 */
@Component
class ModelCardExport implements AuditorExportPart {

    static final String FOLDER = "model-cards/";

    private final InventoryService inventory;
    private final ModelCardService cards;
    private final ModelCardDocuments documents;
    private final ObjectMapper json;

    ModelCardExport(InventoryService inventory, ModelCardService cards, ModelCardDocuments documents,
                    ObjectMapper json) {
        this.inventory = inventory;
        this.cards = cards;
        this.documents = documents;
        // the export is read by people: indented
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public List<ExportFile> filesFor(String modelId) {
        List<ExportFile> files = new ArrayList<>();
        for (ModelVersion version : inventory.versions(modelId)) {
            if (cards.find(version.id()).isEmpty()) {
                continue; // not yet registered in its lifecycle: no card
            }
            ModelCardDocuments.Shown shown = documents.show(modelId, version.number(), null);
            String name = FOLDER + ExportNames.segment(modelId) + "-v" + version.number();
            files.add(new ExportFile(name + ".pdf", "application/pdf", documents.pdf(shown)));
            files.add(new ExportFile(name + ".json", "application/json", write(ModelCardJson.Card.of(shown))));
            files.add(new ExportFile(name + "-revisions.json", "application/json", write(new History(version.id(),
                    shown.revisions().stream().map(r -> ModelCardJson.Revision.of(r, true)).toList()))));
        }
        return files;
    }

    /** A version's card history, oldest revision first, each with its content. */
    record History(String versionId, List<ModelCardJson.Revision> revisions) {
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model card could not be written as JSON", e);
        }
    }
}
