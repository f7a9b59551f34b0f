package org.modelgov.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.support.Api;
import org.modelgov.support.HttpLifecycle;
import org.modelgov.support.ModelGovNode;

/**
 * Takes one model version through its whole lifecycle over HTTP as the demo users would in Tasklist: register,
 * then each task claimed and submitted (its form's fields only) by someone in the task's role, up to the HIGH
 * tier's two sign-offs and the approval steps, until the lifecycle waits for its review timer. Measures how long
 * the driver waited for the engine to produce each next task and how long its own calls took.
 */
final class LifecycleWalker {

    static final String QUESTIONNAIRE = "Task_AnswerRiskQuestionnaire";

    /** One task of the walk: who completes it, with which of its form's fields. */
    private record Step(String taskKey, String user, Map<String, Object> fields) {
    }

    /** The HIGH path: the answers suggest HIGH and the risk officer confirms it; two committee members sign. */
    private static final List<Step> STEPS = List.of(
            new Step(QUESTIONNAIRE, "owner", Map.of("useArea", "ESSENTIAL_SERVICES", "prohibitedPractice", false,
                    "decidesAboutIndividuals", true, "humanOversight", "HUMAN_REVIEWS", "personalData", "PERSONAL",
                    "scale", "LARGE")),
            new Step("Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "HIGH")),
            new Step("Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED")),
            new Step("Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED")),
            new Step("Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED")),
            new Step("Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE")),
            new Step("Task_SignOff", "approver2", Map.of("signOffDecision", "APPROVE")));

    private final BenchCluster cluster;
    private final ModelGovNode node;
    private final Api admin;
    private final Duration timeout = Duration.ofSeconds(Long.getLong("bench.stepTimeoutSeconds", 300));

    LifecycleWalker(BenchCluster cluster, ModelGovNode node) {
        this.cluster = cluster;
        this.node = node;
        this.admin = BenchCluster.admin(node);
    }

    /** What one walk took: wall time, time waiting for the engine, time in the driver's own HTTP calls. */
    record Walk(String versionId, String processInstanceId, long wallMillis, long engineWaitMillis,
                long callMillis) {
    }

    /** Registers model {@code modelId} with the demo credit data and walks its first version to production. */
    Walk walkToProduction(String modelId) {
        long start = System.nanoTime();
        long[] calls = {0};
        long[] waits = {0};
        Api owner = BenchCluster.as(node, "owner");
        timed(calls, () -> register(owner, modelId));
        String versionId = modelId + ":1";
        Set<String> done = new HashSet<>();
        for (Step step : STEPS) {
            String taskId = timedValue(waits, () -> awaitTask(versionId, step.taskKey(), done));
            timed(calls, () -> complete(taskId, step.user(), step.fields()));
            done.add(taskId);
        }
        String instance = timedValue(waits, () -> awaitReviewTimer(versionId));
        return new Walk(versionId, instance, (System.nanoTime() - start) / 1_000_000, waits[0] / 1_000_000,
                calls[0] / 1_000_000);
    }

    void register(Api owner, String modelId) {
        registerModel(owner, modelId);
        registerVersion(owner, modelId);
    }

    static void registerModel(Api owner, String modelId) {
        HttpLifecycle.expect(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Benchmark credit "
                + modelId + "\", \"purpose\": \"Scores consumer credit applications (benchmark)\"}"), 201);
    }

    /** Registers the model's next version with the demo credit data: its lifecycle starts. */
    void registerVersion(Api owner, String modelId) {
        HttpLifecycle.expect(owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s", "explainabilityReportUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/credit", "networkIsolation": true, "dataCapture": true,
                                     "interContainerEncryption": true}}
                """.formatted(cluster.dataset("evaluation.csv"), cluster.dataset("analysis-config.json"),
                cluster.dataset("explainability.json"))), 201);
    }

    private String awaitTask(String versionId, String taskKey, Set<String> done) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Api.Response tasks = admin.get("/engine-rest/task?processInstanceBusinessKey=" + versionId
                    + "&taskDefinitionKey=" + taskKey);
            HttpLifecycle.expect(tasks, 200);
            for (JsonNode task : tasks.json()) {
                if (!done.contains(task.path("id").asText())) {
                    return task.path("id").asText();
                }
            }
            BenchCluster.pause(50);
        }
        throw new AssertionError(versionId + " did not reach " + taskKey + " within " + timeout + "; open incidents: "
                + admin.get("/engine-rest/incident?processInstanceBusinessKey=" + versionId).body());
    }

    private String awaitReviewTimer(String versionId) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode instances = admin.get("/engine-rest/process-instance?processDefinitionKey=ModelLifecycleProcess"
                    + "&businessKey=" + versionId).json();
            if (instances.size() == 1) {
                String id = instances.get(0).path("id").asText();
                long timers = admin.get("/engine-rest/job/count?timers=true&activityId=Timer_ReviewDue"
                        + "&processInstanceId=" + id).json().path("count").asLong();
                if (timers == 1) {
                    return id;
                }
            }
            BenchCluster.pause(50);
        }
        throw new AssertionError(versionId + " did not reach its review timer within " + timeout + "; incidents: "
                + admin.get("/engine-rest/incident?processInstanceBusinessKey=" + versionId).body());
    }

    private void complete(String taskId, String user, Map<String, Object> fields) {
        HttpLifecycle.claimAndSubmit(BenchCluster.as(node, user), user, taskId, fields);
    }

    private static void timed(long[] total, Runnable action) {
        long start = System.nanoTime();
        action.run();
        total[0] += System.nanoTime() - start;
    }

    private static <T> T timedValue(long[] total, java.util.function.Supplier<T> action) {
        long start = System.nanoTime();
        T value = action.get();
        total[0] += System.nanoTime() - start;
        return value;
    }
}
