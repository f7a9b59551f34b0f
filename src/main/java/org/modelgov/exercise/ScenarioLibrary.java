package org.modelgov.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The exercise scenarios, read and checked once at start-up from {@code modelgov.exercises.scenarios-location}
 * (default: the library shipped in {@code exercises/scenarios.yaml}); a bad file stops start-up.
 */
@Component
public class ScenarioLibrary {

    static final String DEFAULT_LOCATION = "classpath:exercises/scenarios.yaml";

    private final List<Scenario> scenarios;

    @Autowired
    ScenarioLibrary(ResourceLoader resources,
                    @Value("${modelgov.exercises.scenarios-location:" + DEFAULT_LOCATION + "}") String location) {
        this(load(resources.getResource(location.isBlank() ? DEFAULT_LOCATION : location)));
    }

    public ScenarioLibrary(List<Scenario> scenarios) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("the scenario library is empty");
        }
        this.scenarios = List.copyOf(scenarios);
    }

    private static List<Scenario> load(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return ScenarioParser.parse(file.getDescription(), in.readAllBytes());
        } catch (IOException e) {
            throw new ScenarioParser.InvalidScenarioFile(file.getDescription() + ": cannot be read ("
                    + e.getMessage() + "); set modelgov.exercises.scenarios-location to a readable file");
        }
    }

    public List<Scenario> all() {
        return scenarios;
    }

    public Optional<Scenario> find(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The next scenario for a model: the one it exercised least recently, never-exercised ones first, in library
     * order. So exercises rotate through the library and the next one never repeats the last (with two or more).
     *
     * @param lastStarted when each scenario was last exercised on the model (by scenario id)
     */
    public Scenario next(Map<String, Instant> lastStarted) {
        return scenarios.stream()
                .min(Comparator.comparing((Scenario s) -> lastStarted.getOrDefault(s.id(), Instant.MIN)))
                .orElseThrow();
    }
}
