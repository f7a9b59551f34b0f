package org.modelgov.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.modelgov.review.ReviewCompletion;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewRefusedException;
import org.modelgov.review.ReviewService;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties and decision records, enforced by the engine on every governed user task: a
 * claim or assignment to someone who may not take the task is refused, and so is a completion (the task
 * stays open, nothing is saved, the message says why). An accepted completion is recorded and audited in
 * the same transaction.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

    private final ReviewService reviews;
    private final IdentityService identity;

    ReviewDecisionListener(ReviewService reviews, IdentityService identity) {
        this.reviews = reviews;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewKind kind = ReviewKind.ofTask(task.getTaskDefinitionKey()).orElse(null);
        if (kind == null) {
            return;
        }
        String versionId = (String) task.getVariable("versionId");
        String basis = basis(kind, task);
        try {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                if (task.getAssignee() != null) {
                    reviews.checkMayTake(kind, versionId, basis, task.getAssignee());
                }
            } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                reviews.complete(new ReviewCompletion(kind, versionId, basis, TaskActor.of(identity, task),
                        task.getId(), task.getVariables()));
            }
        } catch (ReviewRefusedException refused) {
            throw new GovernanceRuleViolation(refused.getMessage());
        }
    }

    private static String basis(ReviewKind kind, DelegateTask task) {
        if (kind.isValidation() || kind == ReviewKind.SIGN_OFF) {
            return (String) task.getVariable("validationRunId");
        }
        if (kind == ReviewKind.REASSESSMENT) {
            return (String) task.getVariable("reassessmentRunId");
        }
        return null;
    }
}
