package org.modelgov.abtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.ConflictException;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.evidence.ReportKind;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.inventory.VersionStatus;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.modelgov.registry.RegistryService;
import org.modelgov.review.ReviewService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The champion/challenger (A/B) stage, one method per step of {@code challenger-test.bpmn}. The test's row
 * ({@link AbTestRepository}) is the source of truth; the policy comes from {@link ChallengerPolicy} when the stage
 * starts and is kept with the row. A step that changes traffic on the endpoint calls {@link ChallengerDeployment}
 * first (safe to repeat) and records the fact afterwards in a transaction of its own, so a later failure of the
 * job cannot roll back the record of a change that happened; each step checks the row first, so a retry is
 * harmless.
 */
@Service
public class ChallengerStage {

    static final String ACTOR = "modelgov";
    static final String ENTITY = "MODEL_VERSION";
    /** Who may stop a running test. */
    public static final List<String> MAY_STOP = List.of(GovernanceRole.INCIDENT_RESPONDER.groupId(),
            GovernanceRole.GOVERNANCE_ADMIN.groupId());

    /** SageMaker adds a variant in minutes, large instances in up to an hour; four hours is a failed rollout. */
    static final Duration ROLLOUT_GIVE_UP_AFTER = Duration.ofHours(4);

    private final AbTestRepository tests;
    private final ChallengerPolicy policies;
    private final ChallengerDeployment deployments;
    private final VariantMetricSource metricSources;
    private final ChallengerComparator comparators;
    private final DeploymentControl containments;
    private final InventoryService inventory;
    private final ReviewService reviews;
    private final RegistryService registry;
    private final EvidenceService evidence;
    private final NotificationSender notifications;
    private final AuditTrail audit;
    private final ChallengerTestEngine engine;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ChallengerStage(AbTestRepository tests, ChallengerPolicy policies, ChallengerDeployment deployments,
                    VariantMetricSource metricSources, ChallengerComparator comparators,
                    DeploymentControl containments,
                    InventoryService inventory, ReviewService reviews, RegistryService registry,
                    EvidenceService evidence, NotificationSender notifications, AuditTrail audit,
                    ChallengerTestEngine engine, Clock clock, PlatformTransactionManager transactions) {
        this.tests = tests;
        this.policies = policies;
        this.deployments = deployments;
        this.metricSources = metricSources;
        this.comparators = comparators;
        this.containments = containments;
        this.inventory = inventory;
        this.reviews = reviews;
        this.registry = registry;
        this.evidence = evidence;
        this.notifications = notifications;
        this.audit = audit;
        this.engine = engine;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What the stage does with an approved version. */
    public enum Decision { RUN, SKIP }

    /**
     * Whether the approved version must pass the stage before it serves all traffic (and so before its model is in
     * production): the policy of its tier, given whether its endpoint serves a champion now.
     */
    @Transactional(readOnly = true)
    public boolean awaitsPromotion(String versionId) {
        Model model = inventory.get(ModelVersion.modelIdOf(versionId));
        return policyOf(versionId, model.deployment().endpointName()).required();
    }

    /**
     * The version's policy. Its "the endpoint already serves a version" (hasChampion): an earlier version of the
     * model is approved and its endpoint serves a variant. A first version has no champion (MEDIUM then needs no
     * A/B stage); a HIGH first version is still compared with whatever variant its endpoint serves now. The
     * endpoint's weights (DescribeEndpoint in AWS mode) are read only when the answer depends on them.
     */
    private ComparisonPolicy policyOf(String versionId, String endpoint) {
        RiskTier tier = tierOf(versionId);
        ComparisonPolicy without = policies.policy(tier, false);
        if (without.required() == policies.policy(tier, true).required()) {
            return without;
        }
        boolean earlierServes = endpoint != null && inventory.previousApprovedVersion(versionId)
                .filter(v -> v.status() == VersionStatus.APPROVED).isPresent();
        return earlierServes && championOf(endpoint) != null ? policies.policy(tier, true) : without;
    }

    /**
     * The stage's first step: the policy decides whether the version runs as a challenger. Recorded either way; a
     * version whose policy requires the stage but whose endpoint serves nothing (or that has no endpoint) has no
     * champion to compare with: skipped, and its model stays APPROVED (see {@link #awaitsPromotion}).
     */
    @Transactional
    public Decision decide(String versionId) {
        Optional<AbTest> latest = tests.latestForUpdate(versionId);
        if (latest.isPresent() && latest.get().running()) {
            return Decision.RUN;
        }
        String modelId = ModelVersion.modelIdOf(versionId);
        Model model = inventory.get(modelId);
        String endpoint = model.deployment().endpointName();
        RiskTier tier = tierOf(versionId);
        ComparisonPolicy policy = policyOf(versionId, endpoint);
        // what it is compared with: the variant serving most now (none read when the policy skips anyway)
        String champion = endpoint == null || !policy.required() ? null : championOf(endpoint);
        String approvedBy = registry.decision(versionId).decidedBy();
        Instant now = now();
        if (!policy.required() || champion == null) {
            String reason = policy.required() ? "No champion to compare with: " + (endpoint == null
                    ? "the model has no endpoint in the inventory"
                    : "endpoint " + endpoint + " serves no version yet") + ". The version is approved without an"
                    + " A/B test and its model stays APPROVED until a version is promoted." : policy.reason();
            tests.insert(new AbTest(UUID.randomUUID().toString(), versionId, modelId, endpoint, champion,
                    null, 0, ComparisonJson.policy(policy), now, null, null, now, AbTestOutcome.SKIPPED,
                    reason, null, null, null, null, null));
            audit.record(approvedBy, "AB_TEST_SKIPPED", ENTITY, versionId, Map.of("riskTier", tier.name(),
                    "reason", reason));
            return Decision.SKIP;
        }
        String challenger = deployments.challengerVariant(versionId);
        AbTest test = new AbTest(UUID.randomUUID().toString(), versionId, modelId, endpoint, champion, challenger,
                policy.challengerShare(), ComparisonJson.policy(policy), now, null, null, null, null, null, null,
                null, null, null, null);
        tests.insert(test);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("abTestId", test.id());
        details.put("endpoint", endpoint);
        details.put("championVariant", champion);
        details.put("challengerVariant", challenger);
        details.put("challengerShare", policy.challengerShare());
        details.put("observationWindow", ComparisonJson.iso(policy.observationWindow()));
        details.put("metrics", String.join(",", policy.metrics()));
        details.put("maxRelativeDrop", policy.maxRelativeDrop());
        details.put("reason", policy.reason());
        audit.record(approvedBy, "AB_TEST_STARTED", ENTITY, versionId, details);
        return Decision.RUN;
    }

    /** Puts the version on its endpoint as the challenger variant, at weight 0 (one external change). */
    public void deployChallenger(String versionId) {
        AbTest test = running(versionId).orElse(null);
        if (test == null) {
            return;
        }
        deployments.deploy(test.endpointName(), versionId);
        ownTransaction.executeWithoutResult(s -> audit.record(ACTOR, "AB_TEST_CHALLENGER_DEPLOYED", ENTITY,
                versionId, Map.of("abTestId", test.id(), "endpoint", test.endpointName(),
                        "challengerVariant", test.challengerVariant())));
    }

    /**
     * The deployment's next missing step, if any (at most one external change: in AWS mode adding a variant takes
     * three), then where the challenger's deployment stands; the stage polls this until it serves.
     */
    public ChallengerDeployment.Rollout rollout(String versionId) {
        AbTest test = running(versionId).orElseThrow(() -> noRunningTest(versionId));
        ChallengerDeployment.Rollout rollout = deployments.advance(test.endpointName(), versionId);
        // a deployment SageMaker never finishes must not hold the version forever: after this long it has failed
        // (the challenger, if it comes up later, stays at weight 0)
        if (rollout == ChallengerDeployment.Rollout.IN_PROGRESS
                && test.decidedAt().plus(ROLLOUT_GIVE_UP_AFTER).isBefore(clock.instant())) {
            return ChallengerDeployment.Rollout.FAILED;
        }
        return rollout;
    }

    /** The challenger never served: the test failed before any traffic moved. */
    @Transactional
    public AbTestOutcome recordRolloutFailure(String versionId) {
        AbTest test = tests.latestForUpdate(versionId).orElseThrow(() -> noRunningTest(versionId));
        if (!test.running()) {
            return test.outcome();
        }
        String reason = "The challenger variant " + test.challengerVariant() + " did not start serving on endpoint "
                + test.endpointName() + " (its deployment failed, or took longer than " + ROLLOUT_GIVE_UP_AFTER.toHours()
                + " hours); no traffic was moved. Check the deployment and submit the version again.";
        end(test, AbTestOutcome.FAILED, reason, null);
        return AbTestOutcome.FAILED;
    }

    /**
     * Gives the challenger its share of traffic (one external change) and starts the observation window.
     *
     * @return when the window ends (the process's timer waits until then); a retry keeps the first window
     */
    public Instant startObservation(String versionId) {
        AbTest test = running(versionId).orElseThrow(() -> noRunningTest(versionId));
        if (test.windowEndsAt() != null) {
            return test.windowEndsAt();
        }
        ComparisonPolicy policy = ComparisonJson.policy(test.policyJson());
        Optional<DeploymentControl.Containment> contained = containments.active(test.endpointName());
        Instant start = now();
        // a break-glass holds all traffic on the fallback: nothing moves, and the window ends at once (void)
        Instant end = contained.isPresent() ? start : start.plus(policy.observationWindow());
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(test.championVariant(), 1.0 - test.challengerShare());
        weights.put(test.challengerVariant(), test.challengerShare());
        if (contained.isEmpty()) {
            deployments.setWeights(test.endpointName(), weights);
        }
        ownTransaction.executeWithoutResult(s -> {
            tests.startWindow(test.id(), start, end);
            audit.record(ACTOR, "AB_TEST_WEIGHTS_SET", ENTITY, versionId, Map.of("abTestId", test.id(),
                    "endpoint", test.endpointName(), "weights", contained.isPresent()
                            ? "unchanged: containment " + contained.get().id() + " is active" : weights.toString(),
                    "windowEndsAt", end.toString()));
        });
        return end;
    }

    /**
     * The window is over: champion and challenger compared on the policy's metrics, the comparison kept as evidence
     * and the outcome recorded with it. A break-glass containment active on the endpoint voids the comparison
     * (traffic was not split as the policy asked): STOPPED.
     */
    @Transactional
    public AbTestOutcome compare(String versionId) {
        AbTest test = tests.latestForUpdate(versionId).orElseThrow(() -> noRunningTest(versionId));
        if (!test.running()) {
            return test.outcome();
        }
        Optional<DeploymentControl.Containment> contained = containments.active(test.endpointName());
        if (contained.isPresent()) {
            end(test, AbTestOutcome.STOPPED, "Break-glass containment " + contained.get().id() + " moved all traffic"
                    + " of " + test.endpointName() + " to the fallback variant during the test: no comparison is"
                    + " possible. Submit the version again once the incident is resolved.", null);
            return AbTestOutcome.STOPPED;
        }
        ComparisonPolicy policy = ComparisonJson.policy(test.policyJson());
        Instant from = test.startedAt();
        Instant to = test.windowEndsAt();
        VariantMetricSource metrics = metricSources;
        VariantSeries champion = metrics.read(test.endpointName(), test.championVariant(), policy.metrics(), from, to);
        VariantSeries challenger = metrics.read(test.endpointName(), test.challengerVariant(), policy.metrics(), from,
                to);
        ChallengerComparison comparison = comparators.compare(test.endpointName(), policy, champion, challenger, from,
                to);
        AbTestOutcome outcome = outcomeOf(comparison);
        EvidenceReport report = evidence.recordProduced(ReportKind.AB_COMPARISON, versionId,
                ComparisonJson.comparison(comparison, outcome, versionId), ACTOR);
        end(test, outcome, summary(comparison, outcome), report.id());
        return outcome;
    }

    /** PASS on every metric passes; a FAIL on any fails; otherwise (too little traffic) inconclusive. */
    static AbTestOutcome outcomeOf(ChallengerComparison comparison) {
        if (comparison.passed()) {
            return AbTestOutcome.PASSED;
        }
        boolean failed = comparison.metrics().stream()
                .anyMatch(m -> m.verdict() == MetricComparison.Verdict.FAIL);
        return failed ? AbTestOutcome.FAILED : AbTestOutcome.INCONCLUSIVE;
    }

    /**
     * The challenger passed: it takes all traffic (one external change), then the version's model is in
     * production. Refused (the job retries, then shows an incident in Cockpit) while a break-glass containment holds
     * the endpoint: promotion must not undo a containment.
     */
    public void promote(String versionId) {
        AbTest test = tests.latest(versionId).orElseThrow(() -> noRunningTest(versionId));
        if (test.outcome() != AbTestOutcome.PASSED || test.promotedAt() != null) {
            return;
        }
        containments.active(test.endpointName()).ifPresent(c -> {
            throw new IllegalStateException("Not promoting " + versionId + ": break-glass containment " + c.id()
                    + " holds " + test.endpointName() + "; undo it first, the step then runs again");
        });
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(test.challengerVariant(), 1.0);
        weights.put(test.championVariant(), 0.0);
        deployments.setWeights(test.endpointName(), weights);
        ownTransaction.executeWithoutResult(s -> {
            tests.promoted(test.id(), now());
            audit.record(ACTOR, "AB_TEST_WEIGHTS_SET", ENTITY, versionId, Map.of("abTestId", test.id(),
                    "endpoint", test.endpointName(), "weights", weights.toString()));
            inventory.promoteVersion(versionId, ACTOR);
        });
    }

    /**
     * The challenger loses its traffic (failed, inconclusive or stopped): champion back to all of it, one external
     * change. Nothing to do when the challenger never got traffic, or while a break-glass holds the endpoint (the
     * containment already took the challenger's traffic away).
     */
    public void withdrawChallenger(String versionId) {
        AbTest test = tests.latest(versionId).orElseThrow(() -> noRunningTest(versionId));
        if (test.startedAt() == null || test.endpointName() == null) {
            return;
        }
        Optional<DeploymentControl.Containment> contained = containments.active(test.endpointName());
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(test.championVariant(), 1.0);
        weights.put(test.challengerVariant(), 0.0);
        if (contained.isEmpty()) {
            deployments.setWeights(test.endpointName(), weights);
        }
        ownTransaction.executeWithoutResult(s -> audit.record(ACTOR, "AB_TEST_WEIGHTS_SET", ENTITY, versionId,
                Map.of("abTestId", test.id(), "endpoint", test.endpointName(), "weights", contained.isPresent()
                        ? "unchanged: containment " + contained.get().id() + " is active" : weights.toString())));
    }

    /** A stop (through {@link #requestStop}) interrupted the stage: recorded with who stopped it and why. */
    @Transactional
    public AbTestOutcome recordStop(String versionId) {
        AbTest test = tests.latestForUpdate(versionId).orElseThrow(() -> noRunningTest(versionId));
        if (!test.running()) {
            return test.outcome();
        }
        // an administrator may correlate the message in Cockpit; without a recorded request the stop is the engine's
        String by = test.stopRequested() ? test.stoppedBy() : ACTOR;
        String why = test.stopRequested() ? test.stopReason() : "stopped in the engine without a request through"
                + " ModelGov's API";
        end(test, AbTestOutcome.STOPPED, "Stopped by " + by + ": " + why, null);
        return AbTestOutcome.STOPPED;
    }

    /**
     * A responder (or administrator) stops the model's running A/B test: recorded, then the stage is interrupted;
     * its steps take the challenger's traffic away and send the version to the owner.
     *
     * @throws AccessDeniedToActionException for anyone else (nothing changes)
     * @throws ConflictException when no test of the model runs, or its stop is already under way
     */
    @Transactional
    public AbTest requestStop(String modelId, String reason, Actor actor) {
        return requestStop(modelId, reason, actor, List.of());
    }

    /** @param problems what was wrong with the request's body, reported (400) only to someone who may stop */
    @Transactional
    public AbTest requestStop(String modelId, String reason, Actor actor, List<FieldViolation> problems) {
        if (MAY_STOP.stream().noneMatch(actor::isIn)) {
            throw new AccessDeniedToActionException("Only incident responders and governance administrators may"
                    + " stop an A/B test");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required: say why the A/B test is stopped");
        }
        if (reason.strip().length() > 2000) {
            throw InvalidInputException.of("reason", "must be at most 2000 characters");
        }
        inventory.get(modelId);
        AbTest test = tests.runningOfModelForUpdate(modelId).orElseThrow(() -> new ConflictException(
                "No A/B test of model " + modelId + " is running"));
        if (test.stopRequested()) {
            throw new ConflictException("The A/B test of " + test.versionId() + " is already being stopped (by "
                    + test.stoppedBy() + ")");
        }
        Instant at = now();
        tests.requestStop(test.id(), actor.userId(), reason.strip(), at);
        audit.record(actor.userId(), "AB_TEST_STOP_REQUESTED", ENTITY, test.versionId(), Map.of("abTestId",
                test.id(), "reason", reason.strip()));
        engine.stop(test.versionId());
        return tests.latest(test.versionId()).orElseThrow();
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public Optional<AbTest> latest(String versionId) {
        return tests.latest(versionId);
    }

    @Transactional(readOnly = true)
    public List<AbTest> ofModel(String modelId) {
        return tests.ofModel(modelId, 50);
    }

    /** The version's latest test when it sent the version back to its owner (failed, inconclusive or stopped). */
    @Transactional(readOnly = true)
    public Optional<AbTest> sentBack(String versionId) {
        return tests.latest(versionId).filter(t -> t.outcome() != null && !t.outcome().letsVersionServe());
    }

    // ---- helpers ----

    private void end(AbTest test, AbTestOutcome outcome, String reason, String reportId) {
        tests.end(test.id(), outcome, reason, now(), reportId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("abTestId", test.id());
        details.put("outcome", outcome.name());
        details.put("reason", reason);
        if (reportId != null) {
            details.put("evidenceReportId", reportId);
        }
        String actor = outcome == AbTestOutcome.STOPPED && test.stopRequested() ? test.stoppedBy() : ACTOR;
        audit.record(actor, outcome == AbTestOutcome.STOPPED ? "AB_TEST_STOPPED" : "AB_TEST_ENDED", ENTITY,
                test.versionId(), details);
        if (!outcome.letsVersionServe()) {
            inventory.returnVersionToReview(test.versionId(), "A/B test " + outcome.name(), actor);
        }
        Model model = inventory.get(test.modelId());
        notifications.send(new Notification("ab-test:" + test.id() + ":" + outcome.name(), "AB_TEST_" + outcome.name(),
                "A/B test of " + test.versionId() + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT),
                "The A/B test of model version " + test.versionId() + " on " + test.endpointName() + " ended "
                        + outcome.name() + ". " + reason + (reportId == null ? "" : " Comparison: /reports/" + reportId),
                List.of(), List.of(model.owner()), model.id(),
                model.riskTier() == null ? null : model.riskTier().name(), null));
    }

    private static String summary(ChallengerComparison comparison, AbTestOutcome outcome) {
        StringBuilder text = new StringBuilder(switch (outcome) {
            case PASSED -> "The challenger held up on every metric.";
            case FAILED -> "The challenger did worse than the champion beyond the policy's limit.";
            default -> "Too little traffic to decide within the window.";
        });
        comparison.metrics().stream().filter(m -> m.verdict() != MetricComparison.Verdict.PASS)
                .forEach(m -> text.append(' ').append(m.metric()).append(": ").append(m.verdict()).append(" (")
                        .append(m.reason()).append(')'));
        return text.toString();
    }

    /**
     * The variant serving most traffic, other than the break-glass fallback (a challenger left at weight 0 by an
     * earlier test serves nothing). The endpoint's weights as break-glass reads them (the same table or
     * DescribeEndpoint).
     */
    private String championOf(String endpoint) {
        return containments.weights(endpoint).entrySet().stream()
                .filter(e -> !e.getKey().equals(DeploymentControl.FALLBACK_VARIANT))
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private Optional<AbTest> running(String versionId) {
        return tests.latest(versionId).filter(AbTest::running);
    }

    private RiskTier tierOf(String versionId) {
        return reviews.recordedTier(versionId).map(ReviewService.TierDecision::tier).orElseThrow(() ->
                new IllegalStateException("No risk tier of " + versionId + " has been decided"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static IllegalStateException noRunningTest(String versionId) {
        return new IllegalStateException("No A/B test of " + versionId + " has been started");
    }
}
