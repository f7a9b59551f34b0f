package org.modelgov.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * What each governed task asks, kept in one readable file ({@code workflow/task-descriptions.properties}) per task
 * definition key, with the model's facts filled in. The text becomes the task's description (Tasklist's
 * Description tab).
 */
final class TaskDescriptions {

    static final String RESOURCE = "workflow/task-descriptions.properties";
    private static final int MAX_LENGTH = 4000; // ACT_RU_TASK.DESCRIPTION_

    private final Properties texts;

    private TaskDescriptions(Properties texts) {
        this.texts = texts;
    }

    static TaskDescriptions load() {
        Properties texts = new Properties();
        try (InputStream in = TaskDescriptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TaskDescriptions(texts);
    }

    boolean has(String taskKey) {
        return texts.containsKey(taskKey);
    }

    /** The text for the task, placeholders ({model}, {version} ...) replaced; facts that are unknown read "—". */
    String describe(String taskKey, String taskName, Map<String, String> facts) {
        String text = texts.getProperty(taskKey);
        if (text == null) {
            text = taskName + (facts.get("model") == null ? "" : " for {model}")
                    + (facts.get("versionId") == null ? "" : " version {version} ({versionId})") + ".";
        }
        for (String name : new String[] {"model", "modelId", "versionId", "version", "tier", "incident"}) {
            String value = facts.get(name);
            text = text.replace("{" + name + "}", value == null || value.isBlank() ? "—" : value);
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
    }
}
