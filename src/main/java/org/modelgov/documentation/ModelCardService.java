package org.modelgov.documentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.NotFoundException;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.validation.Finding;
import org.modelgov.validation.ValidationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each version's model card in step with its lifecycle: Draft when the version is registered,
 * PendingReview when validation passed (with the evaluation findings), Approved at sign-off, Archived at
 * rejection or retirement. Content follows the SageMaker model card schema so the AWS adapter can send it.
 */
@Service
public class ModelCardService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelCards cards;
    private final InventoryService inventory;
    private final ValidationService validation;
    private final AuditTrail audit;

    ModelCardService(ModelCards cards, InventoryService inventory, ValidationService validation, AuditTrail audit) {
        this.cards = cards;
        this.inventory = inventory;
        this.validation = validation;
        this.audit = audit;
    }

    /** Writes the card's content from the inventory (and the validation round, when given). */
    @Transactional
    public ModelCard writeContent(String versionId, String validationRunId) {
        return writeContent(versionId, validationRunId, CardChange.UNKNOWN);
    }

    /** As {@link #writeContent(String, String)}, kept in the card's history as caused by {@code change}. */
    @Transactional
    public ModelCard writeContent(String versionId, String validationRunId, CardChange change) {
        ModelVersion version = inventory.version(versionId);
        Model model = inventory.get(version.modelId());
        String content = content(model, version, validationRunId);
        ModelCard before = cards.find(versionId).orElse(null);
        if (before == null || !before.content().equals(content)) {
            cards.saveContent(versionId, content, change);
        }
        return cards.find(versionId).orElseThrow();
    }

    @Transactional
    public ModelCard moveTo(String versionId, ModelCardStatus status, String decidedBy) {
        ModelCard card = cards.find(versionId).orElseGet(() -> writeContent(versionId, null,
                new CardChange(decidedBy, "Card written before its status was set")));
        if (card.status() != status) {
            cards.setStatus(versionId, status, new CardChange(decidedBy, step(status)));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", card.status().name());
            details.put("to", status.name());
            details.put("revision", card.revision());
            audit.record(decidedBy, "MODEL_CARD_STATUS_CHANGED", "MODEL_VERSION", versionId, details);
        }
        return cards.find(versionId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<ModelCard> find(String versionId) {
        return cards.find(versionId);
    }

    /** Every kept revision of the version's card, oldest first (empty when it has none yet). */
    @Transactional(readOnly = true)
    public List<CardRevision> revisions(String versionId) {
        return cards.revisions(versionId);
    }

    /**
     * One revision of the version's card, or its current one when {@code revision} is null.
     *
     * @throws NotFoundException when the version has no card yet, or no such revision
     */
    @Transactional(readOnly = true)
    public CardRevision revision(String versionId, Integer revision) {
        if (revision == null) {
            ModelCard current = cards.find(versionId).orElseThrow(() -> new NotFoundException(
                    "Model version " + versionId + " has no model card yet"));
            return cards.revision(versionId, current.revision()).orElseThrow(() -> new IllegalStateException(
                    "The model card of " + versionId + " has no kept revision " + current.revision()));
        }
        return cards.revision(versionId, revision).orElseThrow(() -> new NotFoundException(
                "The model card of " + versionId + " has no revision " + revision
                        + cards.find(versionId).map(c -> " (it has revisions 1 to " + c.revision() + ")")
                        .orElse(" (it has no card yet)")));
    }

    /** The step a status change stands for, in the words of the card's history. */
    static String step(ModelCardStatus status) {
        return switch (status) {
            case Draft -> "Back to draft";
            case PendingReview -> "Validation passed: submitted for sign-off";
            case Approved -> "Approved at sign-off";
            case Archived -> "Archived: version rejected or retired";
        };
    }

    private String content(Model model, ModelVersion version, String validationRunId) {
        ObjectNode card = JSON.createObjectNode();
        ObjectNode overview = card.putObject("model_overview");
        overview.put("model_name", model.id());
        overview.put("model_description", model.purpose());
        overview.put("model_version", version.number());
        overview.put("model_owner", model.owner());
        overview.put("problem_type", "Binary Classification");
        if (version.artifactUri() != null) {
            overview.putArray("model_artifact").add(version.artifactUri());
        }
        ObjectNode uses = card.putObject("intended_uses");
        uses.put("purpose_of_model", model.purpose());
        if (model.intendedUse() != null) {
            uses.put("intended_uses", model.intendedUse());
        }
        uses.put("risk_rating", riskRating(model.riskTier()));
        uses.put("explanations_for_risk_rating", "ModelGov risk tier " + model.riskTier().name()
                + " (RiskTier decision, reviewed by a risk officer)");
        ObjectNode business = card.putObject("business_details");
        business.put("business_problem", model.purpose());
        if (model.ownerTeam() != null) {
            business.put("business_stakeholders", model.ownerTeam());
        }
        if (validationRunId != null) {
            ArrayNode evaluations = card.putArray("evaluation_details");
            ObjectNode evaluation = evaluations.addObject();
            evaluation.put("name", "ModelGov validation round " + validation.run(validationRunId).round());
            if (version.evaluationDatasetUri() != null) {
                evaluation.putArray("datasets").add(version.evaluationDatasetUri());
            }
            ArrayNode metrics = evaluation.putArray("metric_groups").addObject().put("name", "Validation findings")
                    .putArray("metric_data");
            for (Finding f : validation.findings(validationRunId)) {
                if (f.metricValue() != null) {
                    metrics.addObject().put("name", f.check()).put("type", "number").put("value", f.metricValue())
                            .put("notes", f.level() + ": " + f.message());
                }
            }
        }
        card.putObject("additional_information").put("ethical_considerations",
                "Bias metrics (Clarify definitions) and impact ratios are checked in ModelGov's ethical validation");
        try {
            return JSON.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SageMaker's risk_rating: High, Medium, Low or Unknown. */
    static String riskRating(RiskTier tier) {
        return switch (tier) {
            case HIGH, PROHIBITED -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            default -> "Unknown";
        };
    }
}
