package org.modelgov.workflow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.modelgov.common.InvalidInputException;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ValidationInputs;
import org.modelgov.review.ReviewCompletion;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewRefusedException;
import org.modelgov.review.ReviewService;
import org.modelgov.risk.RiskQuestionnaire;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties and decision records, enforced by the engine on every governed user task: a
 * claim or assignment to someone who may not take the task is refused, and so is a completion (the task
 * stays open, nothing is saved, the message says why). An accepted completion is recorded and audited in
 * the same transaction; then, and only then, the recorded decision is what the process routes on.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

    private final ReviewService reviews;
    private final IdentityService identity;
    private final InventoryService inventory;

    ReviewDecisionListener(ReviewService reviews, IdentityService identity, InventoryService inventory) {
        this.inventory = inventory;
        this.reviews = reviews;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewKind kind = ReviewKind.ofTask(task.getTaskDefinitionKey()).orElse(null);
        if (kind == null) {
            return;
        }
        // the version is the process's business key, which no task or variable can change
        String versionId = task.getExecution().getProcessBusinessKey();
        String basis = basis(kind, task);
        try {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                if (task.getAssignee() != null) {
                    reviews.checkMayTake(kind, versionId, basis, task.getAssignee());
                }
            } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                if (kind == ReviewKind.REMEDIATION) {
                    requireUsableInputs(versionId, task);
                }
                ReviewDecision recorded = reviews.complete(new ReviewCompletion(kind, versionId, basis,
                        TaskActor.of(identity, task), task.getId(), submission(task)));
                task.getExecution().setVariables(routing(recorded));
            }
        } catch (ReviewRefusedException refused) {
            throw new GovernanceRuleViolation(refused.getMessage());
        }
    }

    /** New data named in a remediation must be usable by the next round, or the remediation is refused. */
    private void requireUsableInputs(String versionId, DelegateTask task) {
        try {
            inventory.checkValidationInputChanges(versionId, text(task, "newEvaluationDatasetUri"),
                    new ValidationInputs(text(task, "newAnalysisConfigUri"), null, null,
                            text(task, "newExplainabilityReportUri"), null));
        } catch (InvalidInputException e) {
            // named as the remediation form names them
            throw new GovernanceRuleViolation(e.violations().stream()
                    .map(v -> "new" + Character.toUpperCase(v.field().charAt(0)) + v.field().substring(1) + " "
                            + v.message())
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    private static String text(DelegateTask task, String name) {
        return task.getVariableLocal(name) instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /**
     * What this completion submitted (the form's fields are variables of the task itself) and the evidence ids
     * ModelGov's own steps put on the process. Nothing a completion sends reaches the process.
     */
    private static Map<String, Object> submission(DelegateTask task) {
        Map<String, Object> variables = new HashMap<>();
        for (String evidence : ReviewService.EVIDENCE_VARIABLES) {
            variables.put(evidence, task.getExecution().getVariable(evidence));
        }
        variables.putAll(task.getVariablesLocal());
        return variables;
    }

    /** The recorded decision, under the names the processes' gateways and later forms read. */
    static Map<String, Object> routing(ReviewDecision d) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (d.kind()) {
            case RISK_QUESTIONNAIRE -> {
                v.putAll(RiskQuestionnaire.from(d.details()).asMap());
                v.put("riskNotes", d.comment());
            }
            case RISK_TIER_REVIEW -> {
                v.put("confirmedRiskTier", d.decision());
                v.put("riskTierJustification", d.comment());
            }
            case TECHNICAL_VALIDATION -> v.put("technicalDecision", d.decision());
            case ETHICAL_VALIDATION -> v.put("ethicsDecision", d.decision());
            case BUSINESS_VALIDATION -> v.put("businessDecision", d.decision());
            case REMEDIATION -> v.put("remediationNotes", d.comment());
            case REPEATED_FAILURE_DECISION -> {
                v.put("repeatedFailureDecision", d.decision());
                v.put("repeatedFailureJustification", d.comment());
            }
            case SIGN_OFF -> {
                v.put("signOffDecision", d.decision());
                v.put("signOffComment", d.comment());
            }
            case REASSESSMENT -> {
                v.put("reassessmentDecision", d.decision());
                v.put("reassessmentJustification", d.comment());
            }
            default -> throw new IllegalStateException("unknown review kind " + d.kind());
        }
        return v;
    }

    private static String basis(ReviewKind kind, DelegateTask task) {
        if (kind.isValidation() || kind == ReviewKind.SIGN_OFF) {
            return (String) task.getExecution().getVariable("validationRunId");
        }
        if (kind == ReviewKind.REASSESSMENT) {
            return (String) task.getExecution().getVariable("reassessmentRunId");
        }
        return null;
    }
}
