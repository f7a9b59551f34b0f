package org.modelgov.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.ConflictException;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.NotFoundException;
import org.modelgov.common.Violations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model inventory: registering models and versions, changing their descriptions, finding them.
 * Risk tier, status and review date are not changed here: the governance lifecycle owns them.
 */
@Service
public class InventoryService {

    static final String ENTITY_MODEL = "MODEL";
    static final String ENTITY_VERSION = "MODEL_VERSION";

    /** Who registers models: owners, risk officers and administrators. */
    public static final List<String> MAY_REGISTER = List.of(GovernanceRole.MODEL_OWNER.groupId(),
            GovernanceRole.RISK_OFFICER.groupId(), GovernanceRole.GOVERNANCE_ADMIN.groupId(),
            GovernanceRole.CAMUNDA_ADMIN_GROUP);

    private final ModelRepository models;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ValidationInputCheck inputs;

    InventoryService(ModelRepository models, UserDirectory users, AuditTrail audit, Clock clock,
                     ValidationInputCheck inputs) {
        this.inputs = inputs;
        this.models = models;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Model register(RegisterModel command, Actor actor) {
        requireMayRegister(actor);
        Violations v = command.check();
        checkOwnerExists(v, command.details().owner());
        v.throwIfAny();
        if (models.exists(command.id())) {
            throw new ConflictException("A model with id " + command.id() + " already exists");
        }
        Instant now = now();
        ModelDetails d = command.details();
        Model model = new Model(command.id(), d.name(), d.purpose(), RiskTier.UNASSESSED, d.owner(), d.ownerTeam(),
                d.deployment(), d.intendedUse(), d.evaluationDatasetUri(), ModelStatus.PROPOSED, null,
                actor.userId(), now, now, 0);
        try {
            models.insert(model);
        } catch (DuplicateKeyException e) {
            // another request registered the same id between our check and our insert
            throw new ConflictException("A model with id " + command.id() + " already exists");
        }
        audit.record(actor.userId(), "MODEL_REGISTERED", ENTITY_MODEL, model.id(), snapshot(d));
        return model;
    }

    @Transactional
    public Model change(String modelId, ChangeModel command, Actor actor) {
        Model current = models.findForUpdate(modelId).orElseThrow(() -> notFound(modelId));
        requireMayChange(actor, current);
        ModelDetails changed = command.applyTo(current.details());
        Violations v = new Violations().addAll(command.malformed());
        changed.check(v);
        if (!Objects.equals(changed.owner(), current.owner())) {
            checkOwnerExists(v, changed.owner());
        }
        v.throwIfAny();
        Map<String, Object> differences = differences(current.details(), changed);
        if (differences.isEmpty()) {
            return current;
        }
        Model updated = current.withDetails(changed, now());
        models.update(updated);
        audit.record(actor.userId(), "MODEL_CHANGED", ENTITY_MODEL, modelId, differences);
        return updated;
    }

    @Transactional
    public ModelVersion registerVersion(String modelId, RegisterVersion command, Actor actor) {
        Model model = models.findForUpdate(modelId).orElseThrow(() -> notFound(modelId));
        requireMayChange(actor, model);
        command.check().throwIfAny();
        // only someone who may register here gets to learn anything about the files the URIs name
        requireUsable(command.evaluationDatasetUri(), command.validation());
        if (command.label() != null && models.versionLabelExists(modelId, command.label())) {
            throw new ConflictException("Model " + modelId + " already has a version labelled " + command.label());
        }
        // the model row is locked, so the next number cannot be taken by a concurrent request
        int number = models.highestVersionNumber(modelId) + 1;
        Instant now = now();
        ModelVersion version = new ModelVersion(ModelVersion.idOf(modelId, number), modelId, number,
                command.label(), command.description(), command.modelPackageArn(), command.artifactUri(),
                command.evaluationDatasetUri(), command.validation(), VersionStatus.REGISTERED, actor.userId(), now);
        models.insertVersion(version);
        models.update(model.touched(now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", number);
        details.put("label", command.label());
        details.put("modelPackageArn", command.modelPackageArn());
        details.put("artifactUri", command.artifactUri());
        details.put("evaluationDatasetUri", command.evaluationDatasetUri());
        details.put("analysisConfigUri", command.validation().analysisConfigUri());
        details.put("referenceDatasetUri", command.validation().referenceDatasetUri());
        details.put("currentDatasetUri", command.validation().currentDatasetUri());
        details.put("explainabilityReportUri", command.validation().explainabilityReportUri());
        details.put("securityPosture", command.validation().securityPosture().toString());
        audit.record(actor.userId(), "MODEL_VERSION_REGISTERED", ENTITY_VERSION, version.id(), details);
        return version;
    }

    // ---- moves made by the governance lifecycle (the only writer of tier, status and review date) ----

    /** The risk assessment set the tier: the version (and a model without an approved version) is in review. */
    @Transactional
    public void recordRiskTier(String versionId, RiskTier tier, String reason, String actor) {
        LockedVersion locked = lock(versionId);
        boolean serving = hasApprovedVersionOtherThan(locked.model().id(), versionId);
        ModelStatus status = serving ? locked.model().status() : ModelStatus.IN_REVIEW;
        models.update(locked.model().withLifecycle(tier, status, locked.model().nextReviewDue(), now()));
        models.updateVersion(locked.version().with(VersionStatus.IN_REVIEW));
        audit.record(actor, "RISK_TIER_RECORDED", ENTITY_VERSION, versionId, Map.of("riskTier", tier.name(),
                "reason", reason == null ? "" : reason, "modelStatus", status.name()));
    }

    /** Sign-off approved the version: it serves (in production when it has an endpoint) until its next review. */
    @Transactional
    public void approveVersion(String versionId, LocalDate nextReviewDue, String actor) {
        LockedVersion locked = lock(versionId);
        Model m = locked.model();
        ModelStatus status = m.deployment().endpointName() != null ? ModelStatus.IN_PRODUCTION : ModelStatus.APPROVED;
        models.update(m.withLifecycle(m.riskTier(), status, nextReviewDue, now()));
        models.updateVersion(locked.version().with(VersionStatus.APPROVED));
        audit.record(actor, "MODEL_VERSION_APPROVED", ENTITY_VERSION, versionId, Map.of("modelStatus", status.name(),
                "nextReviewDue", String.valueOf(nextReviewDue)));
    }

    /**
     * Sign-off approved a version that must pass the A/B stage first: the version is approved, but the model is not
     * put in production by it. A model whose champion serves keeps its status; any other model is APPROVED until
     * the stage promotes the version ({@link #promoteVersion}).
     */
    @Transactional
    public void approveVersionPendingPromotion(String versionId, LocalDate nextReviewDue, String actor) {
        LockedVersion locked = lock(versionId);
        Model m = locked.model();
        ModelStatus status = m.status() == ModelStatus.IN_PRODUCTION ? ModelStatus.IN_PRODUCTION : ModelStatus.APPROVED;
        models.update(m.withLifecycle(m.riskTier(), status, nextReviewDue, now()));
        models.updateVersion(locked.version().with(VersionStatus.APPROVED));
        audit.record(actor, "MODEL_VERSION_APPROVED", ENTITY_VERSION, versionId, Map.of("modelStatus", status.name(),
                "nextReviewDue", String.valueOf(nextReviewDue), "awaitsAbTest", true));
    }

    /**
     * The version passed its A/B stage and takes all traffic: the model is in production. A model under incident
     * or suspended keeps that status (incident response moves it back).
     */
    @Transactional
    public void promoteVersion(String versionId, String actor) {
        LockedVersion locked = lock(versionId);
        Model m = locked.model();
        boolean operational = m.status() == ModelStatus.UNDER_INCIDENT || m.status() == ModelStatus.SUSPENDED;
        ModelStatus status = operational ? m.status() : ModelStatus.IN_PRODUCTION;
        models.update(m.withLifecycle(m.riskTier(), status, m.nextReviewDue(), now()));
        audit.record(actor, "MODEL_VERSION_PROMOTED", ENTITY_VERSION, versionId, Map.of("modelStatus", status.name()));
    }

    /**
     * The A/B stage sent the approved version back to its owner (failed, inconclusive or stopped): it is in review
     * again and does not count as serving; the model keeps its status while another approved version serves.
     */
    @Transactional
    public void returnVersionToReview(String versionId, String reason, String actor) {
        LockedVersion locked = lock(versionId);
        if (locked.version().status() != VersionStatus.APPROVED) {
            return; // a retried step: already back in review
        }
        Model m = locked.model();
        // incident response's statuses stay with incident response (a break-glass may be why the test ended)
        boolean operational = m.status() == ModelStatus.UNDER_INCIDENT || m.status() == ModelStatus.SUSPENDED;
        ModelStatus status = operational || hasApprovedVersionOtherThan(m.id(), versionId) ? m.status()
                : ModelStatus.IN_REVIEW;
        models.update(m.withLifecycle(m.riskTier(), status, m.nextReviewDue(), now()));
        models.updateVersion(locked.version().with(VersionStatus.IN_REVIEW));
        audit.record(actor, "MODEL_VERSION_RETURNED_TO_REVIEW", ENTITY_VERSION, versionId, Map.of("modelStatus",
                status.name(), "reason", reason == null ? "" : reason));
    }

    /** A reassessment let the version continue: the next review is due on {@code nextReviewDue}. */
    @Transactional
    public void scheduleReview(String versionId, LocalDate nextReviewDue, String actor) {
        LockedVersion locked = lock(versionId);
        Model m = locked.model();
        models.update(m.withLifecycle(m.riskTier(), m.status(), nextReviewDue, now()));
        audit.record(actor, "NEXT_REVIEW_SCHEDULED", ENTITY_VERSION, versionId,
                Map.of("nextReviewDue", String.valueOf(nextReviewDue)));
    }

    /** The version will not be approved (prohibited practice, failed validation, refused sign-off). */
    @Transactional
    public void rejectVersion(String versionId, String reason, String actor) {
        endVersion(versionId, VersionStatus.REJECTED, ModelStatus.REJECTED, "MODEL_VERSION_REJECTED", reason, actor);
    }

    /** The version stops serving for good. */
    @Transactional
    public void retireVersion(String versionId, String reason, String actor) {
        endVersion(versionId, VersionStatus.RETIRED, ModelStatus.RETIRED, "MODEL_VERSION_RETIRED", reason, actor);
    }

    /**
     * Incident response moves a model in and out of UNDER_INCIDENT and SUSPENDED (approval suspended by
     * break-glass); the lifecycle's own statuses stay with the lifecycle.
     */
    @Transactional
    public Model setOperationalStatus(String modelId, ModelStatus status, String reason, String actor) {
        Model m = models.findForUpdate(modelId).orElseThrow(() -> notFound(modelId));
        if (m.status() == status) {
            return m;
        }
        Model changed = m.withLifecycle(m.riskTier(), status, m.nextReviewDue(), now());
        models.update(changed);
        audit.record(actor, "MODEL_STATUS_CHANGED", ENTITY_MODEL, modelId, Map.of("from", m.status().name(),
                "to", status.name(), "reason", reason == null ? "" : reason));
        return changed;
    }

    /** The model's latest approved version (the one serving), else its latest version. */
    @Transactional(readOnly = true)
    public java.util.Optional<ModelVersion> servingVersion(String modelId) {
        List<ModelVersion> all = versions(modelId);
        return all.stream().filter(v -> v.status() == VersionStatus.APPROVED).reduce((a, b) -> b)
                .or(() -> all.stream().reduce((a, b) -> b));
    }

    /** Versions registered with a SageMaker model package (the registry guard watches their groups). */
    @Transactional(readOnly = true)
    public List<ModelVersion> versionsWithPackage() {
        return models.versionsWithPackage();
    }

    /** Every approved version (in production or approved), for watchers of production. */
    @Transactional(readOnly = true)
    public List<ModelVersion> approvedVersions() {
        return models.versionsWithStatus(VersionStatus.APPROVED);
    }

    /** The model deployed at a SageMaker endpoint, if the inventory knows one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Model> findByEndpoint(String endpointName) {
        return models.findByEndpoint(endpointName);
    }

    /** Remediation: the owner points the version at corrected data or adds a missing report. */
    @Transactional
    public ModelVersion changeValidationInputs(String versionId, String evaluationDatasetUri, ValidationInputs changes,
                                               String actor) {
        LockedVersion locked = lock(versionId);
        Violations v = new Violations();
        InventoryRules.dataUri(v, "evaluationDatasetUri", evaluationDatasetUri);
        changes.check(v);
        v.throwIfAny();
        requireUsable(evaluationDatasetUri, changes);
        ModelVersion current = locked.version();
        ModelVersion changed = current.withInputs(
                evaluationDatasetUri != null ? evaluationDatasetUri : current.evaluationDatasetUri(),
                current.validation().with(changes));
        if (changed.equals(current)) {
            return current;
        }
        models.updateVersion(changed);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evaluationDatasetUri", changed.evaluationDatasetUri());
        details.put("analysisConfigUri", changed.validation().analysisConfigUri());
        details.put("referenceDatasetUri", changed.validation().referenceDatasetUri());
        details.put("currentDatasetUri", changed.validation().currentDatasetUri());
        details.put("explainabilityReportUri", changed.validation().explainabilityReportUri());
        audit.record(actor, "VALIDATION_INPUTS_CHANGED", ENTITY_VERSION, versionId, details);
        return changed;
    }

    /**
     * The owner's remediation may point the version at new data: refused (with the reason per field) when
     * validation could not use it. Checked when the remediation is submitted, before it is recorded.
     */
    @Transactional(readOnly = true)
    public void checkValidationInputChanges(String versionId, String evaluationDatasetUri, ValidationInputs changes) {
        ModelVersion current = version(versionId);
        Violations v = new Violations();
        InventoryRules.dataUri(v, "evaluationDatasetUri", evaluationDatasetUri);
        changes.check(v);
        v.throwIfAny();
        ValidationInputs merged = current.validation().with(changes);
        String evaluation = evaluationDatasetUri != null ? evaluationDatasetUri : current.evaluationDatasetUri();
        // a new config is checked against the dataset it will be used with, and the other way round
        List<FieldViolation> problems = inputs.problems(evaluation, new ValidationInputs(merged.analysisConfigUri(),
                changes.referenceDatasetUri(), changes.currentDatasetUri(), changes.explainabilityReportUri(),
                null));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void requireUsable(String evaluationDatasetUri, ValidationInputs given) {
        List<FieldViolation> problems = inputs.problems(evaluationDatasetUri, given);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Reads a version and locks its model's row until the transaction ends (one lifecycle start at a time). */
    @Transactional
    public ModelVersion lockVersion(String versionId) {
        return lock(versionId).version();
    }

    @Transactional(readOnly = true)
    public ModelVersion version(String versionId) {
        return models.version(versionId).orElseThrow(() -> new NotFoundException("No model version " + versionId));
    }

    /** The version approved most recently before {@code versionId} (its validated performance is the baseline). */
    @Transactional(readOnly = true)
    public java.util.Optional<ModelVersion> previousApprovedVersion(String versionId) {
        ModelVersion current = version(versionId);
        return models.versions(current.modelId()).stream()
                .filter(v -> v.number() < current.number())
                .filter(v -> v.status() == VersionStatus.APPROVED || v.status() == VersionStatus.RETIRED)
                .reduce((first, second) -> second);
    }

    private void endVersion(String versionId, VersionStatus versionStatus, ModelStatus modelStatus, String action,
                            String reason, String actor) {
        LockedVersion locked = lock(versionId);
        if (locked.version().status() == versionStatus) {
            return; // a retried job: already done
        }
        Model m = locked.model();
        // another approved version of the model keeps serving: the model's own status stays
        boolean otherServes = hasApprovedVersionOtherThan(m.id(), versionId);
        models.updateVersion(locked.version().with(versionStatus));
        if (!otherServes) {
            models.update(m.withLifecycle(m.riskTier(), modelStatus, null, now()));
        }
        audit.record(actor, action, ENTITY_VERSION, versionId, Map.of("reason", reason == null ? "" : reason,
                "modelStatus", (otherServes ? m.status() : modelStatus).name()));
    }

    private boolean hasApprovedVersionOtherThan(String modelId, String versionId) {
        return models.versions(modelId).stream()
                .anyMatch(v -> !v.id().equals(versionId) && v.status() == VersionStatus.APPROVED);
    }

    private LockedVersion lock(String versionId) {
        String modelId = ModelVersion.modelIdOf(versionId);
        Model model = models.findForUpdate(modelId).orElseThrow(() -> notFound(modelId));
        ModelVersion version = models.version(versionId)
                .orElseThrow(() -> new NotFoundException("No model version " + versionId));
        return new LockedVersion(model, version);
    }

    private record LockedVersion(Model model, ModelVersion version) {
    }

    @Transactional(readOnly = true)
    public Model get(String modelId) {
        return models.find(modelId).orElseThrow(() -> notFound(modelId));
    }

    @Transactional(readOnly = true)
    public ModelVersion version(String modelId, int number) {
        return models.version(ModelVersion.idOf(modelId, number)).orElseThrow(
                () -> new NotFoundException("Model " + modelId + " has no version " + number));
    }

    @Transactional(readOnly = true)
    public PageOf<Model> search(ModelQuery query) {
        return models.search(query);
    }

    @Transactional(readOnly = true)
    public List<ModelVersion> versions(String modelId) {
        if (!models.exists(modelId)) {
            throw notFound(modelId);
        }
        return models.versions(modelId);
    }

    public boolean mayRegister(Actor actor) {
        return MAY_REGISTER.stream().anyMatch(actor::isIn);
    }

    /** Risk officers and administrators change any model; an owner changes the models they own or registered. */
    public boolean mayChange(Actor actor, Model model) {
        if (actor.isIn(GovernanceRole.RISK_OFFICER.groupId()) || isAdmin(actor)) {
            return true;
        }
        return actor.isIn(GovernanceRole.MODEL_OWNER.groupId())
                && (actor.userId().equals(model.owner()) || actor.userId().equals(model.createdBy()));
    }

    private static boolean isAdmin(Actor actor) {
        return actor.isIn(GovernanceRole.GOVERNANCE_ADMIN.groupId()) || actor.isIn(GovernanceRole.CAMUNDA_ADMIN_GROUP);
    }

    private void requireMayRegister(Actor actor) {
        if (!mayRegister(actor)) {
            throw new AccessDeniedToActionException(
                    "Only model owners, risk officers and governance administrators may register models");
        }
    }

    private void requireMayChange(Actor actor, Model model) {
        if (!mayChange(actor, model)) {
            throw new AccessDeniedToActionException("Only the model's owner, risk officers and governance"
                    + " administrators may change model " + model.id());
        }
    }

    private void checkOwnerExists(Violations v, String owner) {
        if (!v.has("owner") && owner != null && !users.userExists(owner)) {
            v.add("owner", "no user '" + owner + "' exists");
        }
    }

    private Instant now() {
        // databases keep microseconds; truncating here keeps what we return equal to what we store
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static NotFoundException notFound(String modelId) {
        return new NotFoundException("No model with id " + modelId);
    }

    private static Map<String, Object> snapshot(ModelDetails d) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", d.name());
        s.put("purpose", d.purpose());
        s.put("owner", d.owner());
        s.put("ownerTeam", d.ownerTeam());
        s.put("deployment.endpointName", d.deployment().endpointName());
        s.put("deployment.modelPackageArn", d.deployment().modelPackageArn());
        s.put("intendedUse", d.intendedUse());
        s.put("evaluationDatasetUri", d.evaluationDatasetUri());
        return s;
    }

    /** Field → {from, to} for every field that differs. */
    private static Map<String, Object> differences(ModelDetails before, ModelDetails after) {
        Map<String, Object> was = snapshot(before);
        Map<String, Object> now = snapshot(after);
        Map<String, Object> diff = new LinkedHashMap<>();
        for (var field : now.entrySet()) {
            Object old = was.get(field.getKey());
            if (!Objects.equals(old, field.getValue())) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", old);
                change.put("to", field.getValue());
                diff.put(field.getKey(), change);
            }
        }
        return diff;
    }
}
