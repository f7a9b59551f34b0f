package org.modelgov.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Drives governance lifecycles the way users do, over HTTP only: register through the ModelGov API, then claim and
 * submit each task's form through the engine REST API as the demo user in the task's role. For tests and load
 * drivers against running nodes ({@link ModelGovNode}), where the engine is in another process.
 */
public final class HttpLifecycle {

    /** The answers of a MEDIUM-tier questionnaire (personal data, a person decides). */
    public static final Map<String, Object> MEDIUM_ANSWERS = Map.of("useArea", "OTHER", "prohibitedPractice", false,
            "decidesAboutIndividuals", true, "humanOversight", "HUMAN_DECIDES", "personalData", "PERSONAL",
            "scale", "SMALL");

    private final Function<String, Api> userOn;

    /** {@code userOn} gives the API client of a demo user, on whichever node the caller wants to reach. */
    public HttpLifecycle(Function<String, Api> userOn) {
        this.userOn = userOn;
    }

    /** Registers a model and its first version on the demo credit data in {@code demoDir}; answers the version id. */
    public String register(String modelId, String demoDir) {
        Api owner = userOn.apply("owner");
        expect(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Cluster model " + modelId
                + "\", \"purpose\": \"Scores applications in the cluster test\"}"), 201);
        String file = "file:" + demoDir + "/credit/";
        expect(owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%sevaluation.csv", "analysisConfigUri": "%sanalysis-config.json",
                 "securityPosture": {"kmsKeyId": "alias/cluster"}}
                """.formatted(file, file)), 201);
        return modelId + ":1";
    }

    /** The MEDIUM path from the questionnaire to approval, every form submitted by its role. */
    public void approveMedium(String versionId, Duration eachTaskWithin) {
        complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", MEDIUM_ANSWERS, eachTaskWithin);
        complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"), eachTaskWithin);
        complete(versionId, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"),
                eachTaskWithin);
        complete(versionId, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"), eachTaskWithin);
        complete(versionId, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"),
                eachTaskWithin);
        complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"), eachTaskWithin);
    }

    /** Waits for the version's open task {@code taskKey}, then claims it and submits its form as {@code user}. */
    public void complete(String versionId, String taskKey, String user, Map<String, Object> fields, Duration within) {
        Api api = userOn.apply(user);
        claimAndSubmit(api, user, awaitTask(api, versionId, taskKey, within), fields);
    }

    /** Claims task {@code taskId} for {@code user} and submits its form's {@code fields}, as Tasklist does. */
    public static void claimAndSubmit(Api person, String user, String taskId, Map<String, Object> fields) {
        expect(person.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + user + "\"}"), 204);
        expect(person.post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": " + variables(fields)
                + "}"), 204);
    }

    /** The id of the version's open task {@code taskKey} as {@code api}'s user sees it, once it exists. */
    public static String awaitTask(Api api, String versionId, String taskKey, Duration within) {
        String query = "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(versionId, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey;
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Api.Response found = api.get(query);
            if (found.status() == 200 && found.json().size() == 1) {
                return found.json().get(0).get("id").asText();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no open " + taskKey + " for " + versionId + " within " + within + ": "
                        + found.status() + " " + found.body());
            }
            pause(250);
        }
    }

    /** The engine REST form of task fields: {"name": {"value": ...}}. */
    public static String variables(Map<String, Object> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name)
                .append("\": {\"value\": ").append(value instanceof String s ? "\"" + s + "\"" : value).append('}'));
        return json.append('}').toString();
    }

    public static JsonNode expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but was " + response.status() + ": " + response.body());
        }
        return response.body() == null || response.body().isBlank() ? null : response.json();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
