package org.modelgov.exercise;

import java.util.List;
import org.modelgov.incident.IncidentType;

/**
 * One failure scenario of the exercise library: what responders are told (the injected situation), what they are
 * expected to do, and optionally the fault experiment (an AWS FIS experiment template) that makes it real.
 *
 * @param faultTemplate the FIS experiment template id to start with the exercise, or null (tabletop only)
 * @param faultHint     a note on how FIS could simulate this scenario, for teams writing their own template
 */
public record Scenario(String id, String title, IncidentType incidentType, String situation,
                       List<String> expectedActions, String faultTemplate, String faultHint) {

    public Scenario {
        expectedActions = List.copyOf(expectedActions);
    }

    /** The incident description responders read: the situation, then what a good response does. */
    public String briefing() {
        StringBuilder text = new StringBuilder("EXERCISE (scenario ").append(id).append(": ").append(title)
                .append(")\n\n").append(situation.strip());
        if (!expectedActions.isEmpty()) {
            text.append("\n\nExpected actions:");
            expectedActions.forEach(a -> text.append("\n- ").append(a));
        }
        return text.length() <= 4000 ? text.toString() : text.substring(0, 3997) + "...";
    }
}
