package org.modelgov.review;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.modelgov.audit.AuditTrail;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.risk.RiskQuestionnaire;
import org.modelgov.risk.RiskTierChange;
import org.modelgov.risk.RiskTierPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes every decision people make in the lifecycle: checks segregation of duties, checks the answers
 * are complete, records the decision and appends it to the audit log, all in the task's transaction.
 */
@Service
public class ReviewService {

    /** Process variables that name evidence; a decision records the ones present. */
    public static final List<String> EVIDENCE_VARIABLES = List.of("validationRunId", "reassessmentRunId",
            "performanceReportId", "biasReportId", "driftReportId", "riskTierReason", "suggestedRiskTier");
    static final String ACTION = "REVIEW_DECIDED";

    private final ReviewDecisionRepository decisions;
    private final InventoryService inventory;
    private final AuditTrail audit;
    private final Clock clock;
    private final RiskTierPolicy riskTiers;

    ReviewService(ReviewDecisionRepository decisions, InventoryService inventory, AuditTrail audit, Clock clock,
                  RiskTierPolicy riskTiers) {
        this.decisions = decisions;
        this.riskTiers = riskTiers;
        this.inventory = inventory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses (throws) when {@code actor} may not take this task; used when a task is claimed or assigned. */
    @Transactional(readOnly = true)
    public void checkMayTake(ReviewKind kind, String versionId, String basis, String actor) {
        SegregationOfDuties.refusal(kind, actor, versionId, participants(versionId, basis)).ifPresent(reason -> {
            throw new ReviewRefusedException(reason);
        });
    }

    @Transactional
    public ReviewDecision complete(ReviewCompletion c) {
        if (c.actor() == null) {
            throw new ReviewRefusedException("Claim the task before completing it: a decision needs a person");
        }
        checkMayTake(c.kind(), c.versionId(), c.basis(), c.actor());
        Map<String, Object> v = c.variables();
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : EVIDENCE_VARIABLES) {
            if (v.get(name) != null) {
                details.put(name, v.get(name));
            }
        }
        String decision;
        String comment;
        switch (c.kind()) {
            case RISK_QUESTIONNAIRE -> {
                RiskQuestionnaire answers = RiskQuestionnaire.from(v);
                var problems = answers.check();
                if (!problems.isEmpty()) {
                    throw new ReviewRefusedException("The risk questionnaire is incomplete: " + problems.list().stream()
                            .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
                }
                details.putAll(answers.asMap());
                decision = "ANSWERED";
                comment = text(v, "riskNotes");
            }
            case RISK_TIER_REVIEW -> {
                // the suggestion is computed again from the recorded answers, not read from a variable a
                // reviewer could overwrite
                RiskTier suggested = suggestedTier(c.versionId());
                RiskTier confirmed = RiskTierChange.parse(v.get("confirmedRiskTier"));
                comment = text(v, "riskTierJustification");
                if (suggested == null) {
                    throw new ReviewRefusedException("The owner has not answered the risk questionnaire of "
                            + c.versionId() + " yet");
                }
                RiskTierChange.refusal(suggested, confirmed, comment).ifPresent(reason -> {
                    throw new ReviewRefusedException(reason);
                });
                decision = confirmed.name();
            }
            case TECHNICAL_VALIDATION -> {
                decision = oneOf(v, "technicalDecision", "APPROVED", "REJECTED");
                comment = reasonOrNotes(v, "technicalRejectionReason", "technicalNotes", !decision.equals("APPROVED"), "a rejection");
            }
            case ETHICAL_VALIDATION -> {
                decision = oneOf(v, "ethicsDecision", "APPROVED", "REJECTED");
                comment = reasonOrNotes(v, "ethicsRejectionReason", "ethicsNotes", !decision.equals("APPROVED"), "a rejection");
            }
            case BUSINESS_VALIDATION -> {
                decision = oneOf(v, "businessDecision", "APPROVED", "REJECTED");
                comment = reasonOrNotes(v, "businessRejectionReason", "businessNotes", !decision.equals("APPROVED"), "a rejection");
            }
            case REMEDIATION -> {
                decision = "RESUBMITTED";
                comment = requiredUnless(v, "remediationNotes", false, "a resubmission");
                for (String uri : List.of("newEvaluationDatasetUri", "newAnalysisConfigUri",
                        "newExplainabilityReportUri")) {
                    if (text(v, uri) != null) {
                        details.put(uri, text(v, uri));
                    }
                }
            }
            case REPEATED_FAILURE_DECISION -> {
                decision = oneOf(v, "repeatedFailureDecision", "CONTINUE", "REJECT");
                comment = requiredUnless(v, "repeatedFailureJustification", false, "this decision");
            }
            case SIGN_OFF -> {
                decision = oneOf(v, "signOffDecision", "APPROVE", "REJECT");
                comment = reasonOrNotes(v, "signOffRefusalReason", "signOffComment", !decision.equals("APPROVE"),
                        "a refusal");
            }
            case REASSESSMENT -> {
                decision = oneOf(v, "reassessmentDecision", "CONTINUE", "REVALIDATE", "RETIRE");
                comment = requiredUnless(v, "reassessmentJustification", false, "a reassessment decision");
            }
            default -> throw new IllegalStateException("unknown review kind " + c.kind());
        }
        ReviewDecision recorded = new ReviewDecision(UUID.randomUUID().toString(), c.versionId(), c.kind(), c.basis(),
                c.actor(), decision, comment, details, c.taskId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        decisions.insert(recorded);
        Map<String, Object> auditDetails = new LinkedHashMap<>();
        auditDetails.put("kind", c.kind().name());
        auditDetails.put("decision", decision);
        auditDetails.put("comment", comment);
        auditDetails.put("taskId", c.taskId());
        auditDetails.put("basis", c.basis());
        auditDetails.put("evidence", details);
        audit.record(c.actor(), ACTION, "MODEL_VERSION", c.versionId(), auditDetails);
        return recorded;
    }

    /** The tier a version's risk assessment settled on, who settled it and why. */
    public record TierDecision(RiskTier tier, String decidedBy, String reason) {
    }

    /**
     * The version's tier as recorded: the risk officer's confirmed tier, or the questionnaire's when it found a
     * prohibited practice (no review then). Empty while neither exists.
     */
    // not read-only: recomputing the suggestion evaluates the RiskTier DMN, which writes decision history
    // (PostgreSQL refuses that in a read-only transaction when a page calls this outside the engine)
    @Transactional
    public java.util.Optional<TierDecision> recordedTier(String versionId) {
        ReviewDecision questionnaire = latest(versionId, ReviewKind.RISK_QUESTIONNAIRE);
        if (questionnaire == null) {
            return java.util.Optional.empty();
        }
        RiskTierPolicy.Suggestion suggested = suggestion(questionnaire);
        ReviewDecision review = latest(versionId, ReviewKind.RISK_TIER_REVIEW);
        if (review != null && !review.decidedAt().isBefore(questionnaire.decidedAt())) {
            RiskTier confirmed = RiskTier.valueOf(review.decision());
            String reason = confirmed == suggested.tier() ? suggested.reason()
                    : "changed by " + review.actor() + " from " + suggested.tier() + ": " + review.comment();
            return java.util.Optional.of(new TierDecision(confirmed, review.actor(), reason));
        }
        if (suggested.tier() == RiskTier.PROHIBITED) {
            return java.util.Optional.of(new TierDecision(RiskTier.PROHIBITED, questionnaire.actor(),
                    suggested.reason()));
        }
        return java.util.Optional.empty();
    }

    /** Why a version is rejected and who decided it, from the recorded decision that rejects it. */
    public record Rejection(String decidedBy, String reason) {
    }

    @Transactional // not read-only: see recordedTier
    public java.util.Optional<Rejection> rejection(String versionId) {
        ReviewDecision last = null;
        for (ReviewDecision d : decisions.forVersion(versionId)) {
            boolean rejects = d.kind() == ReviewKind.SIGN_OFF && d.decision().equals("REJECT")
                    || d.kind() == ReviewKind.REPEATED_FAILURE_DECISION && d.decision().equals("REJECT");
            if (rejects && (last == null || !d.decidedAt().isBefore(last.decidedAt()))) {
                last = d;
            }
        }
        java.util.Optional<TierDecision> tier = recordedTier(versionId);
        if (tier.isPresent() && tier.get().tier() == RiskTier.PROHIBITED) {
            return java.util.Optional.of(new Rejection(tier.get().decidedBy(),
                    "Prohibited practice under EU AI Act Art. 5: " + tier.get().reason()));
        }
        if (last == null) {
            return java.util.Optional.empty();
        }
        String reason = last.kind() == ReviewKind.SIGN_OFF
                ? "The model risk committee refused sign-off: " + last.comment()
                : "Risk officers rejected the version after repeated validation failures: " + last.comment();
        return java.util.Optional.of(new Rejection(last.actor(), reason));
    }

    /** The latest decision of a kind on the version, or null. */
    @Transactional(readOnly = true)
    public ReviewDecision latest(String versionId, ReviewKind kind) {
        List<ReviewDecision> found = decisions.find(versionId, kind, null);
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    private RiskTier suggestedTier(String versionId) {
        ReviewDecision questionnaire = latest(versionId, ReviewKind.RISK_QUESTIONNAIRE);
        return questionnaire == null ? null : suggestion(questionnaire).tier();
    }

    /** The policy's tier for the recorded answers, computed again: never read from a variable. */
    private RiskTierPolicy.Suggestion suggestion(ReviewDecision questionnaire) {
        return riskTiers.suggest(RiskQuestionnaire.from(questionnaire.details()));
    }

    /** Distinct people who decided a review (technical, ethical, business) of {@code basis}, a validation round. */
    @Transactional(readOnly = true)
    public Set<String> validators(String versionId, String basis) {
        Set<String> validators = new java.util.TreeSet<>();
        for (ReviewKind kind : List.of(ReviewKind.TECHNICAL_VALIDATION, ReviewKind.ETHICAL_VALIDATION,
                ReviewKind.BUSINESS_VALIDATION)) {
            decisions.find(versionId, kind, basis).forEach(d -> validators.add(d.actor()));
        }
        return validators;
    }

    /** Distinct committee members who approved {@code basis} (a validation round) of the version. */
    @Transactional(readOnly = true)
    public Set<String> approvers(String versionId, String basis) {
        return decisions.find(versionId, ReviewKind.SIGN_OFF, basis).stream()
                .filter(d -> d.decision().equals("APPROVE")).map(ReviewDecision::actor)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Transactional(readOnly = true)
    public List<ReviewDecision> decisions(String versionId) {
        return decisions.forVersion(versionId);
    }

    /** The decisions of one kind about one check run (validation round) of the version. */
    @Transactional(readOnly = true)
    public List<ReviewDecision> decisions(String versionId, ReviewKind kind, String basis) {
        return decisions.find(versionId, kind, basis);
    }

    /** The model's own people for a version: its owner, whoever registered the model and whoever registered it. */
    @Transactional(readOnly = true)
    public Set<String> modelPeople(String versionId) {
        ModelVersion version = inventory.version(versionId);
        Model model = inventory.get(version.modelId());
        Set<String> modelPeople = new HashSet<>();
        modelPeople.add(model.owner());
        modelPeople.add(model.createdBy());
        modelPeople.add(version.registeredBy());
        return modelPeople;
    }

    private Participants participants(String versionId, String basis) {
        Set<String> modelPeople = modelPeople(versionId);
        Set<String> validators = new HashSet<>();
        Set<String> approvers = new HashSet<>();
        if (basis != null) {
            validators.addAll(validators(versionId, basis));
            approvers.addAll(approvers(versionId, basis));
        }
        return new Participants(modelPeople, validators, approvers);
    }

    private static String oneOf(Map<String, Object> v, String name, String... allowed) {
        String value = text(v, name);
        if (value == null || !List.of(allowed).contains(value)) {
            throw new ReviewRefusedException(name + " must be one of " + String.join(", ", allowed)
                    + (value == null ? "" : ", not '" + value + "'"));
        }
        return value;
    }

    /**
     * The form asks for a reason when the decision is negative and offers optional notes otherwise; either field
     * carries the comment, and a negative decision must have one.
     */
    private static String reasonOrNotes(Map<String, Object> v, String reason, String notes, boolean negative,
                                        String what) {
        String given = text(v, reason) != null ? requiredUnless(v, reason, true, what)
                : requiredUnless(v, notes, true, what);
        if (negative && given == null) {
            throw new ReviewRefusedException(reason + " is required: " + what + " must say why");
        }
        return given;
    }

    private static String requiredUnless(Map<String, Object> v, String name, boolean optional, String what) {
        String value = text(v, name);
        if (!optional && (value == null || value.isBlank())) {
            throw new ReviewRefusedException(name + " is required: " + what + " must say why");
        }
        if (value != null && value.length() > 4000) {
            throw new ReviewRefusedException(name + " must be at most 4000 characters");
        }
        return value;
    }

    private static String text(Map<String, Object> v, String name) {
        Object value = v.get(name);
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
