package org.modelgov.risk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.common.Violations;

/**
 * The owner's answers to the risk questionnaire: the inputs of the {@code RiskTier} decision. Areas are
 * the EU AI Act Annex III areas plus OTHER; {@code prohibitedPractice} is any Art. 5 practice.
 */
public record RiskQuestionnaire(String useArea, Boolean prohibitedPractice, Boolean decidesAboutIndividuals,
                                String humanOversight, String personalData, String scale) {

    public static final List<String> USE_AREAS = List.of("BIOMETRICS", "CRITICAL_INFRASTRUCTURE", "EDUCATION",
            "EMPLOYMENT", "ESSENTIAL_SERVICES", "LAW_ENFORCEMENT", "MIGRATION", "JUSTICE_DEMOCRACY", "OTHER");
    public static final List<String> HUMAN_OVERSIGHT = List.of("HUMAN_DECIDES", "HUMAN_REVIEWS", "FULLY_AUTOMATED");
    public static final List<String> PERSONAL_DATA = List.of("NONE", "PERSONAL", "SPECIAL_CATEGORY");
    public static final List<String> SCALE = List.of("SMALL", "MEDIUM", "LARGE");

    /** Reads the answers from form variables; anything of the wrong type counts as unanswered. */
    public static RiskQuestionnaire from(Map<String, Object> answers) {
        return new RiskQuestionnaire(text(answers.get("useArea")), flag(answers.get("prohibitedPractice")),
                flag(answers.get("decidesAboutIndividuals")), text(answers.get("humanOversight")),
                text(answers.get("personalData")), text(answers.get("scale")));
    }

    public Violations check() {
        Violations v = new Violations();
        oneOf(v, "useArea", useArea, USE_AREAS);
        if (prohibitedPractice == null) {
            v.add("prohibitedPractice", "must be answered yes or no");
        }
        if (decidesAboutIndividuals == null) {
            v.add("decidesAboutIndividuals", "must be answered yes or no");
        }
        oneOf(v, "humanOversight", humanOversight, HUMAN_OVERSIGHT);
        oneOf(v, "personalData", personalData, PERSONAL_DATA);
        oneOf(v, "scale", scale, SCALE);
        return v;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("useArea", useArea);
        m.put("prohibitedPractice", prohibitedPractice);
        m.put("decidesAboutIndividuals", decidesAboutIndividuals);
        m.put("humanOversight", humanOversight);
        m.put("personalData", personalData);
        m.put("scale", scale);
        return m;
    }

    private static void oneOf(Violations v, String field, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            v.add(field, "must be answered: one of " + String.join(", ", allowed));
        } else if (!allowed.contains(value)) {
            v.add(field, "must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.valueOf(s);
        }
        return null;
    }
}
