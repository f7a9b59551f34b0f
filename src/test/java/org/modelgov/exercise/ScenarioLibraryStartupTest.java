package org.modelgov.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** modelgov.exercises.scenarios-location: a team's own file replaces the shipped one; a bad or missing one stops start-up. */
class ScenarioLibraryStartupTest {

    @TempDir
    Path dir;

    @Test
    void aTeamsOwnFileReplacesTheShippedLibrary() throws Exception {
        Path file = dir.resolve("scenarios.yaml");
        Files.writeString(file, "scenarios:\n  - {id: ransomware, title: Ransomware, incident_type: SECURITY,"
                + " situation: Files are encrypted., fault_template: EXTabc}\n");
        ScenarioLibrary library = new ScenarioLibrary(new DefaultResourceLoader(), "file:" + file);
        assertThat(library.all()).extracting(Scenario::id).containsExactly("ransomware");
        assertThat(library.find("ransomware")).get().extracting(Scenario::faultTemplate).isEqualTo("EXTabc");
        assertThat(new ScenarioLibrary(new DefaultResourceLoader(), "").all()).as("blank: the shipped library")
                .hasSize(6);
    }

    @Test
    void aBadOrMissingFileStopsStartUpNamingTheFileAndField() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "scenarios:\n  - {id: x, title: X, incident_type: METEOR, situation: y}\n");
        assertThatThrownBy(() -> new ScenarioLibrary(new DefaultResourceLoader(), "file:" + file))
                .isInstanceOf(ScenarioParser.InvalidScenarioFile.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("line 2: scenarios[0].incident_type 'METEOR'");
        assertThatThrownBy(() -> new ScenarioLibrary(new DefaultResourceLoader(), "file:" + dir.resolve("none.yaml")))
                .isInstanceOf(ScenarioParser.InvalidScenarioFile.class)
                .hasMessageContaining("none.yaml").hasMessageContaining("cannot be read");
    }
}
