package org.modelgov.aws.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.modelgov.common.Sha256;
import org.modelgov.documentation.CardChange;
import org.modelgov.documentation.CardRevision;
import org.modelgov.documentation.ModelCard;
import org.modelgov.documentation.ModelCardStatus;
import org.modelgov.documentation.ModelCards;
import org.modelgov.documentation.local.ModelCardTable;
import org.modelgov.inventory.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelCardResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;

/**
 * AWS mode: each version's model card is a SageMaker model card ({@code modelgov-credit-score-002-v3} for
 * {@code CREDIT-SCORE-002:3}). Content and status are separate UpdateModelCard calls, as SageMaker requires.
 * ModelGov's model_card table keeps a copy, written after SageMaker accepted the change, and answers {@link #find};
 * every revision is kept there too (SageMaker keeps its own versions of a card, but ModelGov's history is the record).
 * Idempotent: the card is described first and a content or status it already has is not sent again.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class SageMakerModelCards implements ModelCards {

    /** ModelCardContent: at most 100,000 characters. */
    static final int MAX_CONTENT = 100_000;
    /** EntityName: at most 63 characters. */
    static final int MAX_NAME = 63;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(SageMakerModelCards.class);

    private final SageMakerClient sageMaker;
    private final ModelCardTable table;

    SageMakerModelCards(SageMakerClient sageMaker, JdbcClient jdbc, Clock clock) {
        this.sageMaker = sageMaker;
        this.table = new ModelCardTable(jdbc, clock);
    }

    @Override
    public Optional<ModelCard> find(String versionId) {
        return table.find(versionId);
    }

    @Override
    public List<CardRevision> revisions(String versionId) {
        return table.revisions(versionId);
    }

    @Override
    public Optional<CardRevision> revision(String versionId, int revision) {
        return table.revision(versionId, revision);
    }

    @Override
    public void saveContent(String versionId, String content, CardChange change) {
        if (content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("The model card of " + versionId + " has " + content.length()
                    + " characters; SageMaker accepts at most " + MAX_CONTENT);
        }
        String name = cardName(versionId);
        Optional<DescribeModelCardResponse> current = describe(versionId, name);
        if (current.isEmpty()) {
            create(versionId, name, content);
        } else if (sameJson(current.get().content(), content)) {
            log.info("Model card {} of {} already has this content: not updated again", name, versionId);
        } else {
            SageMakerCallFailed.call("UpdateModelCard", versionId + " (model card " + name + ")",
                    () -> sageMaker.updateModelCard(r -> r.modelCardName(name).content(content)));
            log.info("Model card {} of {}: new content", name, versionId);
        }
        if (!table.find(versionId).map(card -> card.content().equals(content)).orElse(false)) {
            table.saveContent(versionId, content, change);
        }
    }

    @Override
    public void setStatus(String versionId, ModelCardStatus status, CardChange change) {
        String name = cardName(versionId);
        ModelCardStatus current = describe(versionId, name)
                .map(card -> ModelCardStatus.valueOf(card.modelCardStatusAsString()))
                .orElseGet(() -> createFromLocalCopy(versionId, name));
        if (current == status) {
            log.info("Model card {} of {} is already {}: not updated again", name, versionId, status);
        } else {
            SageMakerCallFailed.call("UpdateModelCard", versionId + " (model card " + name + ")",
                    () -> sageMaker.updateModelCard(r -> r.modelCardName(name).modelCardStatus(status.name())));
            log.info("Model card {} of {}: {} -> {}", name, versionId, current, status);
        }
        table.setStatus(versionId, status, change);
    }

    /** A card written before AWS mode was switched on exists only locally: it is created from that copy. */
    private ModelCardStatus createFromLocalCopy(String versionId, String name) {
        ModelCard local = table.find(versionId).orElseThrow(() -> new IllegalStateException("Version " + versionId
                + " has no model card, neither in SageMaker (" + name + ") nor in ModelGov: write its content first"));
        create(versionId, name, local.content());
        return ModelCardStatus.Draft;
    }

    private void create(String versionId, String name, String content) {
        SageMakerCallFailed.call("CreateModelCard", versionId + " (model card " + name + ")",
                () -> sageMaker.createModelCard(r -> r.modelCardName(name).content(content)
                        .modelCardStatus(ModelCardStatus.Draft.name())));
        log.info("Model card {} of {} created as Draft", name, versionId);
    }

    private Optional<DescribeModelCardResponse> describe(String versionId, String name) {
        return SageMakerCallFailed.call("DescribeModelCard", versionId + " (model card " + name + ")", () -> {
            try {
                return Optional.of(sageMaker.describeModelCard(r -> r.modelCardName(name)));
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The card's name: a SageMaker EntityName ({@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}), {@code modelgov-} and the
     * version id in lower case with {@code :} as {@code -v}. A model id too long for 63 characters is shortened
     * and a hash of the version id keeps the name unique.
     */
    static String cardName(String versionId) {
        String modelId = ModelVersion.modelIdOf(versionId);
        String suffix = "-v" + versionId.substring(versionId.lastIndexOf(':') + 1).replaceAll("[^A-Za-z0-9]+", "");
        String base = ("modelgov-" + modelId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("-+$", "");
        if (base.length() + suffix.length() <= MAX_NAME) {
            return base + suffix;
        }
        String hash = "-" + Sha256.hex(versionId).substring(0, 8);
        return base.substring(0, MAX_NAME - suffix.length() - hash.length()).replaceAll("-+$", "") + hash + suffix;
    }

    /** SageMaker may give the content back formatted differently: equal JSON is equal content. */
    static boolean sameJson(String stored, String content) {
        if (stored == null) {
            return false;
        }
        try {
            return JSON.readTree(stored).equals(JSON.readTree(content));
        } catch (JsonProcessingException e) {
            return stored.equals(content);
        }
    }
}
