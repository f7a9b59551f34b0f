package org.modelgov.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.modelgov.support.ClassPathTemplates;
import org.modelgov.documents.PdfDocuments;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.inventory.VersionStatus;

/** The card's PDF template on its own (no application context): every section, its labels and metrics print. */
class ModelCardPdfTest {

    private static final String CONTENT = """
            {"model_overview":{"model_name":"CREDIT-1","model_description":"Scores credit for Zoë Ørsted's team",
              "model_version":2,"model_owner":"owner","problem_type":"Binary Classification"},
             "intended_uses":{"purpose_of_model":"Score retail credit applications","risk_rating":"High",
              "explanations_for_risk_rating":"ModelGov risk tier HIGH"},
             "business_details":{"business_problem":"Default risk","business_stakeholders":"Retail credit"},
             "evaluation_details":[{"name":"ModelGov validation round 1","datasets":["file:/data/eval.csv"],
              "metric_groups":[{"name":"Validation findings","metric_data":[
               {"name":"DI:sex=Female","type":"number","value":0.91,"notes":"PASS: disparate impact ≥ 0.8"},
               {"name":"AUC","type":"number","value":0.78,"notes":"PASS"}]}]}],
             "additional_information":{"ethical_considerations":"Bias metrics checked"}}""";

    @Test
    void everySectionWithItsLabelsMetricsAndStatusPrints() throws IOException {
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        Model model = new Model("CREDIT-1", "Retail credit scoring", "Score retail credit applications", RiskTier.HIGH,
                "owner", "Retail credit", Deployment.NONE, null, null, ModelStatus.IN_REVIEW, null, "owner", at, at, 0);
        ModelVersion version = new ModelVersion("CREDIT-1:2", "CREDIT-1", 2, "2.0.0", null, null, null, null, null,
                VersionStatus.IN_REVIEW, "owner", at);
        CardRevision card = new CardRevision("CREDIT-1:2", 4, ModelCardStatus.PendingReview, CONTENT, "STATUS", at,
                "validator+ethics", "Validation passed: submitted for sign-off");
        ModelCardDocuments documents = new ModelCardDocuments(null, null, new PdfDocuments(ClassPathTemplates.engine()));

        byte[] pdf = documents.pdf(new ModelCardDocuments.Shown(model, version, card,
                List.of(card, new CardRevision("CREDIT-1:2", 5, ModelCardStatus.Approved, CONTENT, "STATUS", at,
                        "approver1", "Approved at sign-off")), CardView.of(CONTENT)));

        Path out = Path.of("target", "cards");
        Files.createDirectories(out);
        Files.write(out.resolve("model-card-sample.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Model card: Retail credit scoring", "CREDIT-1:2 (2.0.0)", "Card status",
                    "PendingReview", "4 of 5 (not the current revision)", "by validator+ethics",
                    "Model overview", "Description", "Scores credit for Zoë Ørsted's team", "Intended uses",
                    "Purpose", "Score retail credit applications", "Risk rating", "High", "Business details",
                    "Evaluation: ModelGov validation round 1", "Validation findings", "DI:sex=Female", "0.91",
                    "disparate impact ≥ 0.8", "Additional information", "Ethical considerations");
            // for a person to look at: the first page as an image next to the PDF
            BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 60);
            ImageIO.write(first, "png", out.resolve("model-card-sample.png").toFile());
        }
    }

}
