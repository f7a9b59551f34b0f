package org.modelgov.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modelgov.incident.IncidentType;

/** The scenario library file: the shipped one is complete; each kind of mistake is named with file, line and field. */
class ScenarioParserTest {

    private static List<Scenario> parse(String yaml) {
        return ScenarioParser.parse("team.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedLibraryHasEveryScenarioTheIssueNames() throws IOException {
        List<Scenario> shipped;
        try (InputStream in = getClass().getResourceAsStream("/exercises/scenarios.yaml")) {
            shipped = ScenarioParser.parse("scenarios.yaml", in.readAllBytes());
        }
        Map<String, IncidentType> types = shipped.stream().collect(Collectors.toMap(Scenario::id,
                Scenario::incidentType));
        assertThat(types).containsEntry("drift", IncidentType.DRIFT).containsEntry("bias-complaint", IncidentType.BIAS)
                .containsEntry("data-leak", IncidentType.DATA_LEAK).containsEntry("outage", IncidentType.OUTAGE)
                .containsEntry("harmful-output", IncidentType.HARMFUL_OUTPUT)
                .containsEntry("adversarial-input", IncidentType.SECURITY);
        assertThat(shipped).allSatisfy(s -> {
            assertThat(s.expectedActions()).isNotEmpty();
            assertThat(s.briefing()).startsWith("EXERCISE (scenario " + s.id()).hasSizeLessThanOrEqualTo(4000);
        });
    }

    @Test
    void aTeamFileMayNameAFaultTemplate() {
        List<Scenario> scenarios = parse("""
                scenarios:
                  - id: outage
                    title: Endpoint down
                    incident_type: OUTAGE
                    situation: Half the calls fail.
                    fault_template: EXT1a2b3c4d5e6f7
                """);
        assertThat(scenarios).singleElement().satisfies(s -> {
            assertThat(s.faultTemplate()).isEqualTo("EXT1a2b3c4d5e6f7");
            assertThat(s.expectedActions()).isEmpty();
            assertThat(s.faultHint()).isNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown type    | incident_type: FIRE           | team.yaml line 5: scenarios[0].incident_type 'FIRE' is not an incident type",
            "unknown field   | colour: red                   | team.yaml line 6: scenarios[0].colour is not a known field",
            "bad template    | fault_template: 'two words'   | team.yaml line 6: scenarios[0].fault_template must be a FIS experiment template id",
            "empty title     | title: ''                     | team.yaml line 3: scenarios[0].title must be a non-empty text"})
    void aBadScenarioIsRefusedNamingFileLineAndField(String what, String line, String message) {
        String base = """
                scenarios:
                  - id: outage
                    title: Endpoint down
                    situation: Half the calls fail.
                    incident_type: OUTAGE
                """;
        String key = line.substring(0, line.indexOf(':'));
        String yaml = base.lines().anyMatch(l -> l.strip().startsWith(key + ":"))
                ? base.lines().map(l -> l.strip().startsWith(key + ":") ? l.substring(0, l.indexOf(key)) + line : l)
                .collect(Collectors.joining("\n", "", "\n"))
                : base + "    " + line + "\n";
        assertThatThrownBy(() -> parse(yaml)).as(what).isInstanceOf(ScenarioParser.InvalidScenarioFile.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void missingFieldsEmptyFilesDuplicatesAndBrokenYamlAreRefused() {
        assertThatThrownBy(() -> parse("scenarios:\n  - id: outage\n    title: Down\n    incident_type: OUTAGE\n"))
                .hasMessage("team.yaml line 2: scenarios[0].situation is required");
        assertThatThrownBy(() -> parse("")).hasMessage("team.yaml: the file is empty");
        assertThatThrownBy(() -> parse("scenarios:\n  - {id: Outage, title: A, incident_type: OUTAGE, situation: x}\n"))
                .hasMessageStartingWith("team.yaml line 2: scenarios[0].id 'Outage' must be lower-case");
        assertThatThrownBy(() -> parse("scenarios: []\n")).hasMessageContaining("must be a list of at least one");
        assertThatThrownBy(() -> parse("""
                scenarios:
                  - {id: a, title: A, incident_type: OUTAGE, situation: x}
                  - {id: a, title: B, incident_type: DRIFT, situation: y}
                """)).hasMessage("team.yaml line 3: scenarios[1].id 'a' is used twice");
        assertThatThrownBy(() -> parse("scenarios:\n  - id: [\n")).hasMessageStartingWith("team.yaml line")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void theNextScenarioIsTheOneLeastRecentlyExercisedNeverExercisedFirst() {
        ScenarioLibrary library = new ScenarioLibrary(parse("""
                scenarios:
                  - {id: a, title: A, incident_type: OUTAGE, situation: x}
                  - {id: b, title: B, incident_type: DRIFT, situation: y}
                  - {id: c, title: C, incident_type: BIAS, situation: z}
                """));
        Instant t = Instant.parse("2026-01-01T06:00:00Z");
        assertThat(library.next(Map.of()).id()).isEqualTo("a");
        assertThat(library.next(Map.of("a", t)).id()).isEqualTo("b");
        assertThat(library.next(Map.of("a", t, "b", t.plusSeconds(1))).id()).isEqualTo("c");
        assertThat(library.next(Map.of("a", t.plusSeconds(5), "b", t.plusSeconds(1), "c", t.plusSeconds(9))).id())
                .as("all exercised: the oldest").isEqualTo("b");
    }
}
