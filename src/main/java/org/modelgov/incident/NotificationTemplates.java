package org.modelgov.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The stakeholder messages of incident response, one text file each: the first line is
 * {@code Subject: ...}, then a blank line and the body. {@code {{name}}} is replaced by a value (plain text
 * substitution, never an expression). Files in {@code modelgov.notification-templates-dir} override the
 * shipped ones in {@code classpath:notification-templates/}, so teams edit them without a build.
 */
@Component
public class NotificationTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private final Path overrides;

    NotificationTemplates(@Value("${modelgov.notification-templates-dir:}") String overrides) {
        this.overrides = overrides.isBlank() ? null : Path.of(overrides);
    }

    public record Message(String subject, String body) {
    }

    public Message render(String template, Map<String, ?> values) {
        String text = load(template);
        String filled = PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                String.valueOf(values.containsKey(m.group(1)) ? values.get(m.group(1)) : "")));
        int end = filled.indexOf('\n');
        String first = end < 0 ? filled : filled.substring(0, end);
        if (!first.startsWith("Subject:")) {
            throw new IllegalStateException("notification template " + template + " must start with 'Subject:'");
        }
        return new Message(first.substring("Subject:".length()).strip(), end < 0 ? "" : filled.substring(end + 1).strip());
    }

    private String load(String template) {
        try {
            if (overrides != null && Files.isRegularFile(overrides.resolve(template + ".txt"))) {
                return Files.readString(overrides.resolve(template + ".txt"), StandardCharsets.UTF_8);
            }
            try (InputStream in = getClass().getResourceAsStream("/notification-templates/" + template + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("no notification template " + template);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
