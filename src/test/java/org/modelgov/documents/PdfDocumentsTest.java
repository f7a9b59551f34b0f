package org.modelgov.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.modelgov.support.ClassPathTemplates;

class PdfDocumentsTest {

    private final PdfDocuments pdf = new PdfDocuments(ClassPathTemplates.engine());

    @Test
    void aTemplateBecomesAPdfWhoseTextReadsBackWithCharactersBeyondLatin1() throws IOException {
        byte[] bytes = pdf.render("pdf/sample", Map.of("title", "Model card — Ünïcode",
                "sentence", "Disparate impact ≥ 0.8 for sex × age; owner Zoë Ørsted"));

        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Model card — Ünïcode")
                    .contains("Disparate impact ≥ 0.8 for sex × age; owner Zoë Ørsted")
                    .contains("Page 1 of 1");
        }
    }
}
