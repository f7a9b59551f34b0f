package org.modelgov.workflow;

import java.util.List;

/**
 * Markdown for the text components of the Camunda Forms (form-js renders a text component's {@code {{variable}}}
 * as markdown). Whatever people or datasets wrote is escaped, so it shows as written and cannot add links,
 * images or table cells of its own.
 */
final class MarkdownText {

    private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~";

    private MarkdownText() {
    }

    /** Plain text as one markdown line: special characters escaped, line breaks made spaces. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.strip().toCharArray()) {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A link to one of ModelGov's own pages; {@code path} is built by ModelGov from ids, never from user text. */
    static String link(String label, String path) {
        return "[" + escape(label) + "](" + path.replace(" ", "%20").replace(")", "%29") + ")";
    }

    /** A table; header and cells are markdown already (escape plain text first). */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(c -> c.isEmpty() ? " " : c).toList()))
                    .append(" |\n");
        }
        return out.toString();
    }
}
