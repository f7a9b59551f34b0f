package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Forms as Tasklist loads them: every form a BPMN names exists with that id, every user task
 * and the lifecycle's start event have one, and component ids are unique (form-js refuses duplicates).
 */
class FormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormReferencedByAProcessExistsAndEveryUserTaskHasOne() throws IOException {
        Set<String> forms = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                assertThat(file.getFileName().toString()).isEqualTo(form.path("id").asText() + ".form");
                forms.add(form.path("id").asText());
            }
        }
        List<String> missing = new ArrayList<>();
        Pattern userTask = Pattern.compile("<bpmn:userTask ([^>]*)>");
        Pattern formRef = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(file);
                Matcher tasks = userTask.matcher(xml);
                while (tasks.find()) {
                    Matcher ref = formRef.matcher(tasks.group(1));
                    if (!ref.find()) {
                        missing.add(file.getFileName() + ": a user task without a form: " + tasks.group(1));
                    } else if (!forms.contains(ref.group(1))) {
                        missing.add(file.getFileName() + ": no form " + ref.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(forms).contains("register-model-version", "risk-questionnaire", "review-risk-tier",
                "review-technical-validation", "review-ethics", "confirm-business-fitness", "remediate-findings",
                "decide-after-repeated-failures", "sign-off", "decide-reassessment");
    }

    @Test
    void componentIdsAreUniqueInEachForm() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.toList()) {
                Set<String> ids = new HashSet<>();
                for (JsonNode component : JSON.readTree(file.toFile()).path("components")) {
                    assertThat(ids.add(component.path("id").asText())).as(file + " " + component.path("id")).isTrue();
                }
            }
        }
    }
}
