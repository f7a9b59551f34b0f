package org.modelgov.workflow;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.NotFoundException;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RegisterVersion;
import org.modelgov.inventory.SecurityPosture;
import org.modelgov.inventory.ValidationInputs;
import org.modelgov.lifecycle.LifecycleEngine;
import org.modelgov.lifecycle.LifecycleService;
import org.springframework.stereotype.Component;

/**
 * First thing of every lifecycle. Started by ModelGov's API, the version exists: check that it has no
 * other lifecycle. Started from the Tasklist start form, the form's fields register the version as the
 * logged-in user, and its id becomes the business key. Any problem refuses the start as a whole.
 */
@Component("lifecycleStartListener")
class LifecycleStartListener implements ExecutionListener {

    private final InventoryService inventory;
    private final LifecycleService lifecycle;
    private final IdentityService identity;
    private final HistoryService history;

    LifecycleStartListener(InventoryService inventory, LifecycleService lifecycle, IdentityService identity,
                           HistoryService history) {
        this.inventory = inventory;
        this.lifecycle = lifecycle;
        this.identity = identity;
        this.history = history;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String versionId = (String) execution.getVariable("versionId");
        if (versionId == null) {
            versionId = registerFromStartForm(execution);
        }
        String current = execution.getProcessInstanceId();
        boolean another = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(LifecycleEngine.PROCESS_KEY).processInstanceBusinessKey(versionId).list()
                .stream().anyMatch(instance -> !instance.getId().equals(current));
        if (another) {
            throw new GovernanceRuleViolation(versionId + " already has a governance lifecycle; a version is"
                    + " governed once (register a new version instead)");
        }
        if (!versionId.equals(execution.getProcessBusinessKey())) {
            execution.setProcessBusinessKey(versionId);
        }
        execution.setVariable("riskTier", "UNASSESSED");
    }

    private String registerFromStartForm(DelegateExecution execution) {
        Authentication user = identity.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new GovernanceRuleViolation("Start the model lifecycle from Tasklist or register the version with"
                    + " POST /api/models/{id}/versions");
        }
        Set<String> groups = new HashSet<>(user.getGroupIds() == null ? List.of() : user.getGroupIds());
        Map<String, Object> form = execution.getVariables();
        String modelId = text(form, "modelId");
        try {
            if (modelId == null) {
                throw InvalidInputException.of("modelId", "is required");
            }
            ModelVersion version = inventory.registerVersion(modelId, new RegisterVersion(text(form, "versionLabel"),
                    text(form, "versionDescription"), text(form, "modelPackageArn"), text(form, "artifactUri"),
                    text(form, "evaluationDatasetUri"), new ValidationInputs(text(form, "analysisConfigUri"),
                    text(form, "referenceDatasetUri"), text(form, "currentDatasetUri"),
                    text(form, "explainabilityReportUri"), new SecurityPosture(text(form, "kmsKeyId"),
                    flag(form, "networkIsolation"), flag(form, "vpc"), flag(form, "dataCapture"),
                    flag(form, "interContainerEncryption")), text(form, "validationPipelineArn")), List.of()),
                    new Actor(user.getUserId(), groups));
            execution.setVariables(lifecycle.startVariables(version));
            return version.id();
        } catch (InvalidInputException e) {
            throw new GovernanceRuleViolation("The version was not registered: " + e.violations().stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        } catch (NotFoundException | AccessDeniedToActionException | org.modelgov.common.ConflictException e) {
            throw new GovernanceRuleViolation("The version was not registered: " + e.getMessage());
        }
    }

    private static String text(Map<String, Object> form, String name) {
        return form.get(name) instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static Boolean flag(Map<String, Object> form, String name) {
        return form.get(name) instanceof Boolean b ? b : null;
    }
}
