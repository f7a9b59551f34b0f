package org.modelgov.lifecycle;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.ConflictException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RegisterVersion;
import org.modelgov.registry.ModelPackageCatalog;
import org.modelgov.registry.ModelRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts each version's governance lifecycle (exactly once) and delivers events to it. Registering a
 * version and starting its lifecycle happen in one transaction: there is never a version without one.
 */
@Service
public class LifecycleService {

    private final InventoryService inventory;
    private final LifecycleEngine engine;
    private final AuditTrail audit;
    private final ModelPackageCatalog packages;
    private final ModelRegistry registry;

    LifecycleService(InventoryService inventory, LifecycleEngine engine, AuditTrail audit,
                     ModelPackageCatalog packages, ModelRegistry registry) {
        this.inventory = inventory;
        this.engine = engine;
        this.audit = audit;
        this.packages = packages;
        this.registry = registry;
    }

    public record Started(ModelVersion version, LifecycleState lifecycle, boolean newlyStarted) {
    }

    /**
     * Registers a new version (API) and starts its lifecycle. A version of a registry model package takes what
     * the registry knows: description and artifact when not given, and the package's metrics reports, inference
     * image and customer metadata as evidence in the audit log.
     */
    @Transactional
    public Started registerVersion(String modelId, RegisterVersion command, Actor actor) {
        ModelPackageCatalog.PackageFacts facts = null;
        if (command.modelPackageArn() != null && !command.modelPackageArn().isBlank()) {
            try {
                facts = packages.describe(command.modelPackageArn()).orElse(null);
            } catch (RuntimeException e) {
                throw InvalidInputException.of("modelPackageArn", "the model registry could not describe it: "
                        + e.getMessage());
            }
        }
        if (facts != null) {
            command = new RegisterVersion(command.label(),
                    command.description() != null ? command.description() : facts.description(),
                    command.modelPackageArn(), command.artifactUri() != null ? command.artifactUri()
                    : facts.modelDataUrl(), command.evaluationDatasetUri(), command.validation(), command.malformed());
        }
        ModelVersion version = inventory.registerVersion(modelId, command, actor);
        if (facts != null) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("modelPackageArn", facts.arn());
            evidence.put("approvalStatus", facts.approvalStatus());
            evidence.put("inferenceImage", facts.inferenceImage());
            evidence.put("modelDataUrl", facts.modelDataUrl());
            evidence.put("metrics", facts.metrics());
            evidence.put("customerMetadata", facts.customerMetadata());
            audit.record(actor.userId(), "MODEL_PACKAGE_DESCRIBED", "MODEL_VERSION", version.id(), evidence);
            // the registry entry from this description: the lifecycle's first step finds it and asks nothing again
            registry.registerDescribed(version.id(), facts);
        }
        return new Started(version, engine.start(version.id(), startVariables(version)), true);
    }

    /**
     * The variables a lifecycle starts with. Also used when a version is registered from the Tasklist start
     * form, where the engine has already started the instance.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> startVariables(ModelVersion version) {
        Model model = inventory.get(version.modelId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("versionId", version.id());
        variables.put("modelId", model.id());
        variables.put("modelName", model.name());
        variables.put("owner", model.owner());
        variables.put("registeredBy", version.registeredBy());
        return variables;
    }

    /** Starts the lifecycle of an existing version that has none; answers the existing one otherwise. */
    @Transactional
    public Started start(String modelId, int number, Actor actor) {
        Model model = inventory.get(modelId);
        if (!inventory.mayChange(actor, model)) {
            throw new AccessDeniedToActionException("Only the model's owner, risk officers and governance"
                    + " administrators may start the lifecycle of " + modelId);
        }
        ModelVersion version = inventory.lockVersion(inventory.version(modelId, number).id());
        Optional<LifecycleState> existing = engine.state(version.id());
        if (existing.isPresent()) {
            return new Started(version, existing.get(), false);
        }
        audit.record(actor.userId(), "LIFECYCLE_STARTED", "MODEL_VERSION", version.id(), Map.of());
        return new Started(version, engine.start(version.id(), startVariables(version)), true);
    }

    @Transactional(readOnly = true)
    public Optional<LifecycleState> state(String versionId) {
        return engine.state(versionId);
    }

    /** The owner, a risk officer or an administrator asks to retire the version; the lifecycle ends cleanly. */
    @Transactional
    public void requestRetirement(String modelId, int number, String reason, Actor actor) {
        ModelVersion version = inventory.version(modelId, number);
        if (!inventory.mayChange(actor, inventory.get(modelId))) {
            throw new AccessDeniedToActionException("Only the model's owner, risk officers and governance"
                    + " administrators may retire " + version.id());
        }
        requireReason(reason);
        deliver(version, LifecycleEvent.RETIREMENT_REQUESTED, actor, Map.of("retirementReason", reason.strip(),
                "retirementRequestedBy", actor.userId()));
    }

    /** Drift was seen (by monitoring or a person): an extra reassessment starts now. */
    @Transactional
    public void reportDrift(String modelId, int number, String summary, Actor actor) {
        ModelVersion version = inventory.version(modelId, number);
        boolean may = inventory.mayChange(actor, inventory.get(modelId))
                || actor.isIn(GovernanceRole.VALIDATOR.groupId())
                || actor.isIn(GovernanceRole.INCIDENT_RESPONDER.groupId());
        if (!may) {
            throw new AccessDeniedToActionException("Only the model's owner, validators, incident responders, risk"
                    + " officers and governance administrators may report drift on " + version.id());
        }
        requireReason(summary);
        deliver(version, LifecycleEvent.DRIFT_REPORTED, actor, Map.of("driftSummary", summary.strip(),
                "driftReportedBy", actor.userId()));
    }

    /** Production monitoring found violations: an extra reassessment now, when the version is between reviews. */
    @Transactional
    public boolean reportMonitoringDrift(String versionId, String summary) {
        ModelVersion version = inventory.version(versionId);
        if (engine.state(versionId).map(s -> s.ended() || !s.waitingAt().contains("Gateway_AwaitReview"))
                .orElse(true)) {
            return false;
        }
        deliver(version, LifecycleEvent.DRIFT_REPORTED, new Actor("modelgov", java.util.Set.of()),
                Map.of("driftSummary", summary.length() > 3900 ? summary.substring(0, 3900) + "…" : summary,
                        "driftReportedBy", "model-monitor"));
        return true;
    }

    /** An incident on the version (the incident-response process reports it); the lifecycle notes it. */
    @Transactional
    public void reportIncident(String versionId, String summary, String reportedBy) {
        ModelVersion version = inventory.version(versionId);
        deliver(version, LifecycleEvent.INCIDENT_REPORTED, new Actor(reportedBy, java.util.Set.of()),
                Map.of("incidentSummary", summary, "incidentReportedBy", reportedBy));
    }

    /**
     * Incident response tells the running lifecycle of an incident's start and end, and pauses its timers
     * while the model is contained. A version without a running lifecycle has nothing to tell: false.
     */
    @Transactional
    public boolean tellIncident(String versionId, LifecycleEvent event, Map<String, Object> variables, String actor) {
        ModelVersion version = inventory.version(versionId);
        if (!running(versionId)) {
            return false;
        }
        deliver(version, event, new Actor(actor, java.util.Set.of()), variables);
        return true;
    }

    @Transactional
    public void pauseReassessments(String versionId, boolean paused, String actor) {
        if (!running(versionId)) {
            return;
        }
        engine.pauseTimers(versionId, paused);
        audit.record(actor, paused ? "REASSESSMENTS_PAUSED" : "REASSESSMENTS_RESUMED", "MODEL_VERSION", versionId,
                Map.of());
    }

    private boolean running(String versionId) {
        return engine.state(versionId).map(s -> !s.ended()).orElse(false);
    }

    private void deliver(ModelVersion version, LifecycleEvent event, Actor actor, Map<String, Object> variables) {
        if (engine.state(version.id()).isEmpty()) {
            throw new ConflictException(version.id() + " has no governance lifecycle; start one first");
        }
        engine.deliver(version.id(), event, variables);
        Map<String, Object> details = new LinkedHashMap<>(variables);
        details.put("event", event.name());
        audit.record(actor.userId(), "LIFECYCLE_EVENT_" + event.name(), "MODEL_VERSION", version.id(), details);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required: say why");
        }
        if (reason.length() > 2000) {
            throw InvalidInputException.of("reason", "must be at most 2000 characters");
        }
    }
}
