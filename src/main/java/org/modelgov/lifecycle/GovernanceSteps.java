package org.modelgov.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.modelgov.abtest.ChallengerStage;
import org.modelgov.audit.AuditTrail;
import org.modelgov.documentation.CardChange;
import org.modelgov.documentation.ModelCardService;
import org.modelgov.documentation.ModelCardStatus;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.inventory.ValidationInputs;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.modelgov.pipeline.PipelineGateService;
import org.modelgov.registry.RegistryIntents;
import org.modelgov.registry.RegistryService;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewService;
import org.modelgov.validation.CheckRun;
import org.modelgov.validation.ValidationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the lifecycle's service tasks do, one method per step. Each step is one transaction and is safe
 * to repeat (a retried job): the registry, model card and inventory moves check what is already done,
 * and notifications are deduplicated by key.
 */
@Service
public class GovernanceSteps {

    static final String ACTOR = "modelgov";

    private final InventoryService inventory;
    private final RegistryService registry;
    private final ModelCardService cards;
    private final ValidationService validation;
    private final NotificationSender notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final PipelineGateService pipelines;
    private final ReviewService reviews;
    private final ChallengerStage challengerStage;

    GovernanceSteps(InventoryService inventory, RegistryService registry, ModelCardService cards,
                    ValidationService validation, NotificationSender notifications, AuditTrail audit, Clock clock,
                    PipelineGateService pipelines, ReviewService reviews, ChallengerStage challengerStage) {
        this.challengerStage = challengerStage;
        this.pipelines = pipelines;
        this.reviews = reviews;
        this.inventory = inventory;
        this.registry = registry;
        this.cards = cards;
        this.validation = validation;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new version: pending in the registry, a Draft model card. */
    @Transactional
    public void openGovernanceRecords(String versionId) {
        registry.registerPending(versionId);
        cards.writeContent(versionId, null,
                new CardChange(inventory.version(versionId).registeredBy(), "Version registered"));
    }

    /**
     * Records the tier the risk assessment settled on, read from the recorded decisions (the risk officer's, or
     * the questionnaire's for a prohibited practice), in the name of the person who decided it.
     *
     * @return the recorded tier
     */
    @Transactional
    public RiskTier recordRiskTier(String versionId) {
        ReviewService.TierDecision decided = reviews.recordedTier(versionId).orElseThrow(() ->
                new IllegalStateException("No risk tier of " + versionId + " has been decided: the questionnaire"
                        + " and the risk officer's review come first"));
        inventory.recordRiskTier(versionId, decided.tier(), decided.reason(), decided.decidedBy());
        cards.writeContent(versionId, null, new CardChange(decided.decidedBy(), "Risk tier recorded"));
        return decided.tier();
    }

    /**
     * The version will never be approved: recorded as rejected, the owner told why, and the decision kept for the
     * registry, the model card and a waiting pipeline (each told in a step of its own). The reason and the person
     * come from the recorded decision that rejects it; without one nothing is rejected.
     */
    @Transactional
    public void decideRejection(String versionId) {
        ReviewService.Rejection rejection = reviews.rejection(versionId).orElseThrow(() ->
                new IllegalStateException("Refusing to reject " + versionId + ": no recorded decision rejects it"));
        String reason = rejection.reason();
        registry.decide(new RegistryIntents.Intent(versionId, RegistryIntents.Decision.REJECT, reason,
                rejection.decidedBy()));
        inventory.rejectVersion(versionId, reason, rejection.decidedBy());
        tellOwner(versionId, "VERSION_REJECTED", "rejected:" + versionId, versionId + " was rejected",
                "Model version " + versionId + " will not be approved. Reason: " + reason);
    }

    /** A new round, under the tier recorded for this version: it decides how many sign-offs the round needs. */
    @Transactional
    public String startValidationRound(String versionId) {
        return validation.startRun(versionId, CheckRun.Purpose.VALIDATION, tierOf(versionId));
    }

    /** Failed validation rounds of the version since it was last sent back to validation by a reassessment. */
    @Transactional(readOnly = true)
    public int failedValidationRounds(String versionId) {
        ReviewDecision revalidate = reviews.decisions(versionId).stream()
                .filter(d -> d.kind() == ReviewKind.REASSESSMENT && d.decision().equals("REVALIDATE"))
                .reduce((first, second) -> second).orElse(null);
        return (int) validation.runs(versionId).stream()
                .filter(r -> r.purpose() == CheckRun.Purpose.VALIDATION && "FAILED".equals(r.outcome()))
                .filter(r -> revalidate == null || r.startedAt().isAfter(revalidate.decidedAt()))
                .count();
    }

    @Transactional
    public String startReassessment(String versionId) {
        return validation.startRun(versionId, CheckRun.Purpose.REASSESSMENT, tierOf(versionId));
    }

    /** Validation passed: the card gets the evaluation and goes to review by the committee. */
    @Transactional
    public void submitForSignOff(String versionId, String validationRunId) {
        // the round's reviewers passed it: the card's evaluation and its move are on their decisions
        String reviewers = String.join("+", reviews.validators(versionId, validationRunId));
        cards.writeContent(versionId, validationRunId, new CardChange(reviewers.isEmpty() ? ACTOR : reviewers,
                "Validation passed: evaluation written"));
        cards.moveTo(versionId, ModelCardStatus.PendingReview, reviewers.isEmpty() ? ACTOR : reviewers);
    }

    /** The owner's recorded remediation: new data or reports replace the old before validation runs again. */
    @Transactional
    public void applyRemediation(String versionId) {
        ReviewDecision remediation = reviews.latest(versionId, ReviewKind.REMEDIATION);
        if (remediation == null) {
            throw new IllegalStateException("No remediation of " + versionId + " has been recorded");
        }
        Map<String, Object> submitted = remediation.details();
        String evaluation = text(submitted.get("newEvaluationDatasetUri"));
        ValidationInputs changes = new ValidationInputs(text(submitted.get("newAnalysisConfigUri")), null, null,
                text(submitted.get("newExplainabilityReportUri")), null);
        inventory.changeValidationInputs(versionId, evaluation, changes, remediation.actor());
    }

    /**
     * Sign-off done: the approval is decided (the registry checks the sign-offs itself) and kept before anything
     * outside ModelGov is changed.
     */
    @Transactional
    public void decideApproval(String versionId, String validationRunId) {
        registry.decideApproval(versionId, validationRunId);
    }

    /** The kept decision, in the model registry (SageMaker in AWS mode): one external change, safe to retry. */
    @Transactional
    public void applyRegistryDecision(String versionId) {
        registry.apply(versionId);
    }

    /** The kept decision, on the model card: Approved, or Archived for a rejected or retired version. */
    @Transactional
    public void applyModelCardDecision(String versionId) {
        RegistryIntents.Intent decision = registry.decision(versionId);
        cards.moveTo(versionId, decision.decision() == RegistryIntents.Decision.APPROVE ? ModelCardStatus.Approved
                : ModelCardStatus.Archived, decision.decidedBy());
    }

    /**
     * The approval carried out in the registry and on the card: the version serves (or, when the A/B policy requires
     * it, runs as a challenger first), its next review is scheduled, the owner is told.
     *
     * @return the day the next review is due
     */
    @Transactional
    public LocalDate recordApproval(String versionId, String validationRunId, String reviewInterval) {
        RegistryIntents.Intent decision = registry.decision(versionId);
        LocalDate due = nextReviewDue(reviewInterval);
        // the approval is the committee's: the audit names every approver of the round; a version the A/B stage
        // must promote does not put its model in production yet
        if (challengerStage.awaitsPromotion(versionId)) {
            inventory.approveVersionPendingPromotion(versionId, due, decision.decidedBy());
        } else {
            inventory.approveVersion(versionId, due, decision.decidedBy());
        }
        tellOwner(versionId, "VERSION_APPROVED", "approved:" + versionId + ":" + validationRunId,
                versionId + " is approved", "Model version " + versionId + " is approved. " + decision.description()
                        + ". Next review due " + due + ".");
        return due;
    }

    /**
     * A pipeline waiting on ModelGov's decision (Step Functions task token) is answered last: it cannot be taken
     * back, so it comes after everything that can still fail.
     */
    @Transactional
    public void answerPipeline(String versionId) {
        RegistryIntents.Intent decision = registry.decision(versionId);
        boolean approved = decision.decision() == RegistryIntents.Decision.APPROVE;
        pipelines.answer(versionId, approved, decision.decision() == RegistryIntents.Decision.RETIRE
                ? "retired: " + decision.description() : decision.description());
    }

    /** @return the day the next review is due */
    @Transactional
    public LocalDate scheduleNextReview(String versionId, String reviewInterval) {
        LocalDate due = nextReviewDue(reviewInterval);
        ReviewDecision reassessment = reviews.latest(versionId, ReviewKind.REASSESSMENT);
        inventory.scheduleReview(versionId, due, reassessment == null ? ACTOR : reassessment.actor());
        return due;
    }

    /** Retirement: recorded, the owner told, and the decision kept for the registry, card and pipeline. */
    @Transactional
    public void decideRetirement(String versionId, String reason, String requestedBy) {
        ReviewDecision reassessment = reviews.latest(versionId, ReviewKind.REASSESSMENT);
        String actor = requestedBy != null ? requestedBy : reassessment != null ? reassessment.actor() : ACTOR;
        registry.decide(new RegistryIntents.Intent(versionId, RegistryIntents.Decision.RETIRE, reason, actor));
        inventory.retireVersion(versionId, reason, actor);
        tellOwner(versionId, "VERSION_RETIRED", "retired:" + versionId, versionId + " is retired",
                "Model version " + versionId + " is retired. Reason: " + reason);
    }

    /** The lifecycle heard of an incident: recorded, so the next reassessment counts it. */
    @Transactional
    public void noteIncident(String versionId, String summary, String reportedBy) {
        audit.record(reportedBy == null ? ACTOR : reportedBy, "INCIDENT_REPORTED", "MODEL_VERSION", versionId,
                Map.of("summary", summary == null ? "" : summary));
    }

    /** The lifecycle heard an incident was closed (its review and measures are with the incident). */
    @Transactional
    public void noteIncidentClosed(String versionId, String incidentId) {
        audit.record(ACTOR, "INCIDENT_CLOSED_ON_LIFECYCLE", "MODEL_VERSION", versionId,
                Map.of("incidentId", incidentId == null ? "" : incidentId));
    }

    private LocalDate nextReviewDue(String reviewInterval) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plus(Period.parse(reviewInterval));
    }

    private RiskTier tierOf(String versionId) {
        return reviews.recordedTier(versionId).map(ReviewService.TierDecision::tier).orElseThrow(() ->
                new IllegalStateException("No risk tier of " + versionId + " has been decided yet"));
    }

    private void tellOwner(String versionId, String eventType, String key, String subject, String body) {
        Model model = inventory.get(ModelVersion.modelIdOf(versionId));
        notifications.send(new Notification(key, eventType, subject, body, List.of(), List.of(model.owner()),
                model.id(), model.riskTier() == null ? null : model.riskTier().name(), null));
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
