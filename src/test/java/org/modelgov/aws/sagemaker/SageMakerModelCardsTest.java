package org.modelgov.aws.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelgov.aws.sagemaker.RegistryWire.call;
import static org.modelgov.aws.sagemaker.RegistryWire.error;
import static org.modelgov.aws.sagemaker.RegistryWire.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.aws.AwsModelShapes;
import org.modelgov.documentation.CardRevision;
import org.modelgov.documentation.ModelCard;
import org.modelgov.documentation.ModelCardStatus;
import org.modelgov.documentation.local.ModelCardTable;

/** The SageMaker model cards adapter against WireMock playing SageMaker, with the model_card table in H2. */
class SageMakerModelCardsTest {

    private static final String VERSION = "CREDIT-SCORE-002:3";
    private static final String NAME = "modelgov-credit-score-002-v3";
    private static final String CARD_ARN = "arn:aws:sagemaker:eu-west-1:123456789012:model-card/" + NAME;
    private static final String DRAFT = "{\"model_overview\":{\"model_name\":\"CREDIT-SCORE-002\",\"model_version\":3},"
            + "\"intended_uses\":{\"risk_rating\":\"High\"}}";
    private static final String VALIDATED = "{\"model_overview\":{\"model_name\":\"CREDIT-SCORE-002\",\"model_version\":3},"
            + "\"intended_uses\":{\"risk_rating\":\"High\"},\"evaluation_details\":[{\"name\":\"ModelGov validation"
            + " round 1\"}]}";

    private RegistryWire sageMaker;
    private H2Tables db;
    private SageMakerModelCards cards;

    @BeforeEach
    void setUp() {
        sageMaker = new RegistryWire();
        db = new H2Tables("model_card", "model_card_revision");
        cards = new SageMakerModelCards(sageMaker.client, db.jdbc,
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
        sageMaker.server.stubFor(call("CreateModelCard").willReturn(ok(arnAnswer())));
        sageMaker.server.stubFor(call("UpdateModelCard").willReturn(ok(arnAnswer())));
    }

    @AfterEach
    void tearDown() {
        sageMaker.close();
        db.close();
    }

    @Test
    void theCardIsCreatedThenItsContentThenItsStatusAreChangedBySeparateCalls() {
        cardDoesNotExist();
        cards.saveContent(VERSION, DRAFT);
        cardIs(DRAFT, "Draft");
        cards.saveContent(VERSION, VALIDATED);
        cardIs(VALIDATED, "Draft");
        cards.setStatus(VERSION, ModelCardStatus.Approved);

        assertThat(sageMaker.operations()).containsExactly("DescribeModelCard", "CreateModelCard",
                "DescribeModelCard", "UpdateModelCard", "DescribeModelCard", "UpdateModelCard");
        JsonNode create = sageMaker.sent("CreateModelCard").get(0).body();
        assertThat(create.get("ModelCardName").asText()).isEqualTo(NAME);
        assertThat(create.get("Content").asText()).isEqualTo(DRAFT);
        assertThat(create.get("ModelCardStatus").asText()).isEqualTo("Draft");
        JsonNode contentUpdate = sageMaker.sent("UpdateModelCard").get(0).body();
        assertThat(contentUpdate.get("ModelCardName").asText()).isEqualTo(NAME);
        assertThat(contentUpdate.get("Content").asText()).isEqualTo(VALIDATED);
        assertThat(contentUpdate.has("ModelCardStatus")).isFalse();
        JsonNode statusUpdate = sageMaker.sent("UpdateModelCard").get(1).body();
        assertThat(statusUpdate.get("ModelCardName").asText()).isEqualTo(NAME);
        assertThat(statusUpdate.get("ModelCardStatus").asText()).isEqualTo("Approved");
        assertThat(statusUpdate.has("Content")).isFalse();
        sageMaker.assertEverythingSentFitsTheAwsModel();
        assertThat(cards.find(VERSION)).get().extracting(ModelCard::content, ModelCard::status, ModelCard::revision)
                .containsExactly(VALIDATED, ModelCardStatus.Approved, 3);
        // AWS mode keeps ModelGov's history too: each accepted change is a revision
        assertThat(cards.revisions(VERSION)).extracting(CardRevision::revision, CardRevision::status,
                CardRevision::content, CardRevision::kind).containsExactly(
                tuple(1, ModelCardStatus.Draft, DRAFT, "CONTENT"),
                tuple(2, ModelCardStatus.Draft, VALIDATED, "CONTENT"),
                tuple(3, ModelCardStatus.Approved, VALIDATED, "STATUS"));
    }

    @Test
    void aCardThatAlreadyHasTheContentGetsNoUpdate() {
        // SageMaker's copy, formatted differently: the same JSON
        cardIs(DRAFT.replace(",", ", ").replace(":", ": "), "Draft");

        cards.saveContent(VERSION, DRAFT);

        assertThat(sageMaker.operations()).containsExactly("DescribeModelCard");
        assertThat(cards.find(VERSION)).get().extracting(ModelCard::content, ModelCard::status)
                .containsExactly(DRAFT, ModelCardStatus.Draft);
    }

    @Test
    void aCardThatAlreadyHasTheStatusGetsNoUpdate() {
        new ModelCardTable(db.jdbc, Clock.systemUTC()).saveContent(VERSION, VALIDATED);
        cardIs(VALIDATED, "Approved");

        cards.setStatus(VERSION, ModelCardStatus.Approved);

        assertThat(sageMaker.operations()).containsExactly("DescribeModelCard");
        assertThat(cards.find(VERSION)).get().extracting(ModelCard::status).isEqualTo(ModelCardStatus.Approved);
    }

    @Test
    void aCardKeptOnlyLocallyIsCreatedFromItsLocalCopyBeforeItsStatusIsSet() {
        new ModelCardTable(db.jdbc, Clock.systemUTC()).saveContent(VERSION, VALIDATED);
        cardDoesNotExist();

        cards.setStatus(VERSION, ModelCardStatus.PendingReview);

        assertThat(sageMaker.operations()).containsExactly("DescribeModelCard", "CreateModelCard", "UpdateModelCard");
        assertThat(sageMaker.sent("CreateModelCard").get(0).body().get("Content").asText()).isEqualTo(VALIDATED);
        assertThat(sageMaker.sent("UpdateModelCard").get(0).body().get("ModelCardStatus").asText())
                .isEqualTo("PendingReview");
        sageMaker.assertEverythingSentFitsTheAwsModel();
        assertThat(cards.find(VERSION)).get().extracting(ModelCard::status).isEqualTo(ModelCardStatus.PendingReview);
    }

    @Test
    void aRefusedUpdateFailsWithAwsMessageAndLeavesTheLocalCardAsItWas() {
        new ModelCardTable(db.jdbc, Clock.systemUTC()).saveContent(VERSION, DRAFT);
        ModelCard before = cards.find(VERSION).orElseThrow();
        cardIs(DRAFT, "Draft");
        sageMaker.server.stubFor(call("UpdateModelCard").willReturn(error(400, "ValidationException",
                "Content does not conform to the model card JSON schema")));

        assertThatThrownBy(() -> cards.saveContent(VERSION, VALIDATED))
                .isInstanceOf(SageMakerCallFailed.class)
                .hasMessageContaining("UpdateModelCard failed for " + VERSION + " (model card " + NAME + ")")
                .hasMessageContaining("ValidationException: Content does not conform to the model card JSON schema");
        assertThat(cards.find(VERSION)).contains(before);
        assertThat(cards.revisions(VERSION)).extracting(CardRevision::content).containsExactly(DRAFT);
    }

    @Test
    void cardNamesAreValidSageMakerNamesEvenForTheLongestModelIds() {
        String longModel = "A" + "-B1".repeat(21); // 64 characters, the longest model id ModelGov accepts
        String first = SageMakerModelCards.cardName(longModel + ":12");
        String second = SageMakerModelCards.cardName(longModel.substring(0, 62) + "C:12");

        assertThat(SageMakerModelCards.cardName(VERSION)).isEqualTo(NAME);
        assertThat(first).hasSizeLessThanOrEqualTo(63).startsWith("modelgov-a-b1-").endsWith("-v12")
                .isNotEqualTo(second);
        for (String name : new String[] {NAME, first, second}) {
            assertThat(AwsModelShapes.SAGEMAKER.violations("CreateModelCard", RegistryWire.JSON.createObjectNode()
                    .put("ModelCardName", name).put("Content", DRAFT).put("ModelCardStatus", "Draft")))
                    .as(name).isEmpty();
        }
    }

    private void cardDoesNotExist() {
        sageMaker.server.stubFor(call("DescribeModelCard").willReturn(error(400, "ResourceNotFound",
                "Model card " + NAME + " does not exist.")));
    }

    private void cardIs(String content, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ModelCardArn", CARD_ARN);
        body.put("ModelCardName", NAME);
        body.put("ModelCardVersion", 1);
        body.put("Content", content);
        body.put("ModelCardStatus", status);
        body.put("CreationTime", 1.77E9);
        body.put("CreatedBy", Map.of("UserProfileName", "modelgov"));
        sageMaker.server.stubFor(call("DescribeModelCard").willReturn(ok(RegistryWire.json(body))));
    }

    private static String arnAnswer() {
        return "{\"ModelCardArn\": \"" + CARD_ARN + "\"}";
    }
}
