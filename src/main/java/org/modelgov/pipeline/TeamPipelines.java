package org.modelgov.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.validation.CheckRun;
import org.modelgov.validation.ValidationService;
import org.springframework.stereotype.Service;

/**
 * A version's own validation pipeline, run in each validation round: started with the round as run key, polled
 * until it ends, its outcome a technical finding (a failed pipeline fails the round).
 */
@Service
public class TeamPipelines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineRunner runner;
    private final InventoryService inventory;
    private final ValidationService validation;

    TeamPipelines(PipelineRunner runner, InventoryService inventory, ValidationService validation) {
        this.runner = runner;
        this.inventory = inventory;
        this.validation = validation;
    }

    /** The version's pipeline ARN, or null when it has none. */
    public String pipelineOf(String versionId) {
        return inventory.version(versionId).validation().validationPipelineArn();
    }

    /** Starts the round's execution; answers its reference. */
    public String start(String validationRunId) {
        CheckRun run = validation.run(validationRunId);
        ModelVersion version = inventory.version(run.versionId());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("modelVersionId", version.id());
        input.put("modelPackageArn", version.modelPackageArn());
        input.put("evaluationDatasetUri", version.evaluationDatasetUri());
        input.put("validationRunId", validationRunId);
        input.put("round", run.round());
        try {
            return runner.start(version.validation().validationPipelineArn(), version.id() + "/validation-" + run.round(),
                    JSON.writeValueAsString(input));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return true when the execution has ended (its outcome then recorded as a finding) */
    public boolean check(String validationRunId, String executionRef) {
        PipelineRunner.Outcome outcome = runner.status(executionRef);
        if (!outcome.finished()) {
            return false;
        }
        validation.recordPipelineOutcome(validationRunId, outcome.succeeded(), outcome.status(), outcome.detail(),
                executionRef);
        return true;
    }
}
