package org.modelgov.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Works a lifecycle in the Spring tests as people and the job executor would: jobs are run explicitly (the
 * test context has no job executor) and tasks are claimed and completed as a logged-in user, so the
 * engine's authorization and the governance listeners apply exactly as in Tasklist.
 */
public final class LifecycleDriver {

    private final ProcessEngine engine;

    public LifecycleDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Runs due asynchronous continuations (not timers) until none is left. */
    public void runJobs() {
        ManagementService management = engine.getManagementService();
        for (int guard = 0; guard < 50; guard++) {
            List<Job> jobs = management.createJobQuery().messages().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("jobs keep coming");
    }

    /** Runs the timers that are due (e.g. after a manager moved a due date in Cockpit), then what follows. */
    public void runDueTimers() {
        ManagementService management = engine.getManagementService();
        for (Job job : management.createJobQuery().timers().executable().list()) {
            management.executeJob(job.getId());
        }
        runJobs();
    }

    public void fireTimer(String processInstanceId, String activityId) {
        ManagementService management = engine.getManagementService();
        Job timer = management.createJobQuery().timers().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        if (timer == null) {
            throw new IllegalStateException("no timer " + activityId + " in " + processInstanceId);
        }
        management.executeJob(timer.getId());
    }

    /** The open task with this key in the lifecycle with this business key (or a process it called). */
    public Task task(String businessKey, String taskKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).list();
        if (tasks.size() != 1) {
            throw new IllegalStateException(tasks.size() + " open " + taskKey + " tasks for " + businessKey);
        }
        return tasks.get(0);
    }

    public boolean hasTask(String businessKey, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).count() > 0;
    }

    /** Claims (unless assigned to them) and completes the task as {@code userId}, logged in with their groups. */
    public void complete(String businessKey, String taskKey, String userId, Map<String, Object> variables) {
        // found before logging in: a user's task query shows only the tasks they may see
        Task task = task(businessKey, taskKey);
        as(userId, () -> {
            TaskService tasks = engine.getTaskService();
            if (!userId.equals(task.getAssignee())) {
                tasks.claim(task.getId(), userId);
            }
            tasks.complete(task.getId(), variables);
        });
        runJobs();
    }

    public void claim(String businessKey, String taskKey, String userId) {
        String taskId = task(businessKey, taskKey).getId();
        as(userId, () -> engine.getTaskService().claim(taskId, userId));
    }

    public void as(String userId, Runnable action) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
            groups.add(group.getId());
        }
        identity.setAuthentication(userId, groups);
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Registers a model deployed at {@code endpoint} and takes its first version through the lifecycle to
     * approval as a MEDIUM model (one sign-off): an approved model in production, for incident tests.
     */
    public void registerApprovedModel(Api owner, String modelId, String endpoint) {
        expectStatus(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Claims triage\","
                + " \"purpose\": \"Routes insurance claims\", \"deployment\": {\"endpointName\": \"" + endpoint
                + "\"}}"), 201);
        expectStatus(owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/claims"}}
                """.formatted(demoFile("evaluation.csv"), demoFile("analysis-config.json"))), 201);
        String version = modelId + ":1";
        runJobs();
        complete(version, "Task_AnswerRiskQuestionnaire", "owner", Map.of("useArea", "OTHER",
                "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight", "HUMAN_DECIDES",
                "personalData", "PERSONAL", "scale", "SMALL"));
        complete(version, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "MEDIUM"));
        complete(version, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        complete(version, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        complete(version, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
        complete(version, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
    }

    /** Registers a card-fraud model deployed at {@code endpoint}. */
    public void registerModelAt(Api owner, String modelId, String endpoint) {
        expectStatus(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Card fraud model\","
                + " \"purpose\": \"Scores card payments for fraud\", \"deployment\": {\"endpointName\": \""
                + endpoint + "\"}}"), 201);
    }

    /**
     * Takes the model's first version, on the demo credit data with a complete security posture, through the
     * lifecycle to the committee's two approvals at tier HIGH. Answers the version id.
     */
    public String approveFirstVersionAsHigh(Api owner, String modelId) {
        expectStatus(owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s", "explainabilityReportUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/fraud", "networkIsolation": true, "vpc": true,
                                     "dataCapture": true, "interContainerEncryption": true}}
                """.formatted(demoFile("evaluation.csv"), demoFile("analysis-config.json"),
                demoFile("explainability.json"))), 201);
        String versionId = modelId + ":1";
        runJobs();
        complete(versionId, "Task_AnswerRiskQuestionnaire", "owner", new HashMap<>(Map.of("useArea",
                "ESSENTIAL_SERVICES", "prohibitedPractice", false, "decidesAboutIndividuals", true, "humanOversight",
                "HUMAN_REVIEWS", "personalData", "PERSONAL", "scale", "LARGE")));
        complete(versionId, "Task_ReviewRiskTier", "risk", Map.of("confirmedRiskTier", "HIGH"));
        complete(versionId, "Task_ReviewTechnicalValidation", "validator", Map.of("technicalDecision", "APPROVED"));
        complete(versionId, "Task_ReviewEthics", "ethics", Map.of("ethicsDecision", "APPROVED"));
        complete(versionId, "Task_ConfirmBusinessFitness", "business", Map.of("businessDecision", "APPROVED"));
        complete(versionId, "Task_SignOff", "approver1", Map.of("signOffDecision", "APPROVE"));
        complete(versionId, "Task_SignOff", "approver2", Map.of("signOffDecision", "APPROVE"));
        return versionId;
    }

    /**
     * Registers a model and its first version on the demo credit data (evaluation set, Clarify config, SHAP
     * report, a complete security posture) and runs the jobs: the version's lifecycle then waits for the owner's
     * risk questionnaire. Answers the version id.
     */
    public String registerCreditVersion(Api owner, String modelId, String name, String purpose) {
        expectStatus(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"" + name
                + "\", \"purpose\": \"" + purpose + "\"}"), 201);
        expectStatus(owner.post("/api/models/" + modelId + "/versions", """
                {"evaluationDatasetUri": "%s", "analysisConfigUri": "%s", "explainabilityReportUri": "%s",
                 "securityPosture": {"kmsKeyId": "alias/credit", "networkIsolation": true, "dataCapture": true,
                                     "interContainerEncryption": true}}
                """.formatted(demoFile("evaluation.csv"), demoFile("analysis-config.json"),
                demoFile("explainability.json"))), 201);
        runJobs();
        return modelId + ":1";
    }

    private static void expectStatus(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response.status() + " " + response.body());
        }
    }

    /** Copies a shipped demo dataset to a temporary directory and answers its file: URI. */
    public static String demoFile(String name) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "modelgov-test-datasets");
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            try (InputStream in = LifecycleDriver.class.getResourceAsStream("/demo/credit/" + name)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
