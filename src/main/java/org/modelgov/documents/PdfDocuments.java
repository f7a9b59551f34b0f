package org.modelgov.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders ModelGov's documents (model cards, compliance reports) as PDF from Thymeleaf templates under
 * {@code templates/pdf/}, with openhtmltopdf on PDFBox.
 *
 * <p>What a PDF template must be: well-formed XHTML (openhtmltopdf parses it as XML: close every element,
 * {@code <br/>}, {@code <meta .../>}, escape {@code &}), and processed outside a web request, so no
 * context-relative {@code @{/...}} links: build absolute ones from a {@code baseUrl} variable. Style it with
 * {@code th:replace="~{pdf/fragments :: style}"} in the head, which also numbers the pages.
 *
 * <p>Text is set in Liberation Sans, embedded from the PDFBox jar, so that characters beyond Latin-1
 * (≥, —, ×, non-English names) print as themselves instead of as {@code #}.
 */
@Component
public class PdfDocuments {

    static final String FONT_FAMILY = "Liberation Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ITemplateEngine templates;

    public PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** Processes {@code template} (e.g. {@code "pdf/model-card"}) with {@code variables} and prints it. */
    public byte[] render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH, variables);
        return print(templates.process(template, context));
    }

    /** Prints a well-formed XHTML document. */
    public byte[] print(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(PdfDocuments::font, FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        InputStream in = PdfDocuments.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("the PDF font " + FONT + " is missing from the class path (PDFBox jar)");
        }
        return in;
    }
}
