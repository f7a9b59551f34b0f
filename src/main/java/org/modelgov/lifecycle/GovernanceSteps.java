package org.modelgov.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.modelgov.audit.AuditTrail;
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
import org.modelgov.registry.RegistryService;
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

    GovernanceSteps(InventoryService inventory, RegistryService registry, ModelCardService cards,
                    ValidationService validation, NotificationSender notifications, AuditTrail audit, Clock clock,
                    PipelineGateService pipelines) {
        this.pipelines = pipelines;
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
        cards.writeContent(versionId, null);
    }

    @Transactional
    public void recordRiskTier(String versionId, RiskTier tier, String reason) {
        inventory.recordRiskTier(versionId, tier, reason, ACTOR);
        cards.writeContent(versionId, null);
    }

    /** The version will never be approved: registry Rejected, card Archived, owner told why. */
    @Transactional
    public void reject(String versionId, String reason) {
        inventory.rejectVersion(versionId, reason, ACTOR);
        registry.reject(versionId, reason);
        cards.moveTo(versionId, ModelCardStatus.Archived);
        pipelines.answer(versionId, false, reason);
        tellOwner(versionId, "VERSION_REJECTED", "rejected:" + versionId, versionId + " was rejected",
                "Model version " + versionId + " will not be approved. Reason: " + reason);
    }

    @Transactional
    public String startValidationRound(String versionId) {
        return validation.startRun(versionId, CheckRun.Purpose.VALIDATION, tierOf(versionId));
    }

    @Transactional
    public String startReassessment(String versionId) {
        return validation.startRun(versionId, CheckRun.Purpose.REASSESSMENT, tierOf(versionId));
    }

    /** Validation passed: the card gets the evaluation and goes to review by the committee. */
    @Transactional
    public void submitForSignOff(String versionId, String validationRunId) {
        cards.writeContent(versionId, validationRunId);
        cards.moveTo(versionId, ModelCardStatus.PendingReview);
    }

    /** The owner's remediation: new data or reports replace the old before validation runs again. */
    @Transactional
    public void applyRemediation(String versionId, String owner, Map<String, Object> submitted) {
        String evaluation = text(submitted.get("newEvaluationDatasetUri"));
        ValidationInputs changes = new ValidationInputs(text(submitted.get("newAnalysisConfigUri")), null, null,
                text(submitted.get("newExplainabilityReportUri")), null);
        inventory.changeValidationInputs(versionId, evaluation, changes, owner);
    }

    /**
     * Sign-off done: Approved in the registry (which checks the sign-offs itself), card Approved, next review
     * scheduled, owner told.
     *
     * @return the day the next review is due
     */
    @Transactional
    public LocalDate approve(String versionId, String validationRunId, String reviewInterval) {
        var entry = registry.approve(versionId, validationRunId);
        cards.moveTo(versionId, ModelCardStatus.Approved);
        LocalDate due = nextReviewDue(reviewInterval);
        inventory.approveVersion(versionId, due, ACTOR);
        pipelines.answer(versionId, true, entry.approvalDescription());
        tellOwner(versionId, "VERSION_APPROVED", "approved:" + versionId + ":" + validationRunId,
                versionId + " is approved", "Model version " + versionId + " is approved. " + entry.approvalDescription()
                        + ". Next review due " + due + ".");
        return due;
    }

    /** @return the day the next review is due */
    @Transactional
    public LocalDate scheduleNextReview(String versionId, String reviewInterval) {
        LocalDate due = nextReviewDue(reviewInterval);
        inventory.scheduleReview(versionId, due, ACTOR);
        return due;
    }

    @Transactional
    public void retire(String versionId, String reason) {
        inventory.retireVersion(versionId, reason, ACTOR);
        registry.retire(versionId, reason);
        cards.moveTo(versionId, ModelCardStatus.Archived);
        pipelines.answer(versionId, false, "retired: " + reason);
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
        return inventory.get(ModelVersion.modelIdOf(versionId)).riskTier();
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
