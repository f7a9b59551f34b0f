package org.modelgov.incident;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.NotFoundException;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.lifecycle.LifecycleEvent;
import org.modelgov.lifecycle.LifecycleService;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incident response: intake (deduplicated by the raising alarm), the response steps the process runs, the
 * regulatory clock, break-glass containment and its undoing, and measures. An exercise runs every step but
 * changes nothing real: containment is a dry run, the model and its lifecycle are left alone.
 */
@Service
public class IncidentService {

    static final String ACTOR = "modelgov";
    static final String ENTITY = "INCIDENT";
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IncidentRepository incidents;
    private final InventoryService inventory;
    private final LifecycleService lifecycle;
    private final IncidentEngine engine;
    private final DeploymentControl deployment;
    private final NotificationSender notifications;
    private final NotificationTemplates templates;
    private final AuditTrail audit;
    private final Clock clock;

    IncidentService(IncidentRepository incidents, InventoryService inventory, LifecycleService lifecycle,
                    IncidentEngine engine, DeploymentControl deployment, NotificationSender notifications,
                    NotificationTemplates templates, AuditTrail audit, Clock clock) {
        this.incidents = incidents;
        this.inventory = inventory;
        this.lifecycle = lifecycle;
        this.engine = engine;
        this.deployment = deployment;
        this.notifications = notifications;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param opened false when the report was an occurrence of an incident already open */
    public record Reported(Incident incident, boolean opened) {
    }

    /** The regulatory reporting clock of a serious incident: due, and when to escalate on the way. */
    public record RegulatoryClock(Instant dueAt, Instant halfwayAt, Instant ninetyPercentAt) {

        /** Art. 73 counts from awareness; escalations at half the time and at 90 % of it. */
        public static RegulatoryClock from(Instant awareAt, Duration within) {
            return new RegulatoryClock(awareAt.plus(within), awareAt.plus(within.dividedBy(2)),
                    awareAt.plus(within.multipliedBy(9).dividedBy(10)));
        }
    }

    // ---- intake ----

    /** Opens an incident and starts its response, or adds an occurrence to the open one of the same alarm. */
    @Transactional
    public Reported report(ReportIncident command, String reporter) {
        Optional<Incident> existing = occurrenceOf(command);
        if (existing.isPresent()) {
            return new Reported(addOccurrence(existing.get(), command), false);
        }
        Incident incident = open(command, reporter);
        String instance = engine.start(incident.id(), startVariables(incident));
        audit.record(reporter, "INCIDENT_RESPONSE_STARTED", ENTITY, incident.modelId() + ":" + incident.id(),
                Map.of("processInstanceId", instance));
        return new Reported(incident, true);
    }

    /** Opens an incident whose response the engine has already started (Tasklist start form). */
    @Transactional
    public Incident open(ReportIncident command, String reporter) {
        var problems = command.check();
        Model model = null;
        if (!problems.has("modelId")) {
            try {
                model = inventory.get(command.modelId());
            } catch (NotFoundException e) {
                problems.add("modelId", "no model with id '" + command.modelId() + "' is in the inventory");
            }
        }
        problems.throwIfAny();
        Instant now = now();
        String id = "INC-" + ID_DATE.format(now) + "-" + HexFormat.of().withUpperCase().formatHex(randomBytes());
        String versionId = inventory.servingVersion(model.id()).map(ModelVersion::id).orElse(null);
        Incident incident = new Incident(id, model.id(), versionId, command.incidentType(), command.description().strip(),
                reporter, command.source() == null ? "API" : command.source(), command.externalId(),
                command.exercise(), IncidentStatus.OPEN, null, null, null, model.status().name(), null, null, null,
                null, null, null, 1, now, null, null, null, null, null, null, null, null, null);
        incidents.insert(incident);
        incidents.addOccurrence(id, 1, now, incident.source(), command.description());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incidentId", id);
        details.put("type", incident.type().name());
        details.put("exercise", incident.exercise());
        details.put("externalId", incident.externalId());
        details.put("description", incident.description());
        audit.record(reporter, "INCIDENT_OPENED", ENTITY, model.id() + ":" + id, details);
        return incident;
    }

    public Map<String, Object> startVariables(Incident incident) {
        Model model = inventory.get(incident.modelId());
        Map<String, Object> v = new HashMap<>();
        v.put("incidentId", incident.id());
        v.put("modelId", incident.modelId());
        v.put("modelName", model.name());
        v.put("versionId", incident.versionId());
        v.put("incidentType", incident.type().name());
        v.put("riskTier", model.riskTier().name());
        v.put("exercise", incident.exercise());
        v.put("description", incident.description());
        return v;
    }

    // ---- the response steps ----

    /** Detection: the model is under incident and its lifecycle knows (not in an exercise). */
    @Transactional
    public void detect(String id) {
        Incident incident = get(id);
        if (!incident.exercise()) {
            inventory.setOperationalStatus(incident.modelId(), ModelStatus.UNDER_INCIDENT, "incident " + id,
                    incident.reporter());
            if (incident.versionId() != null) {
                lifecycle.tellIncident(incident.versionId(), LifecycleEvent.INCIDENT_REPORTED,
                        Map.of("incidentSummary", id + ": " + incident.description(),
                                "incidentReportedBy", incident.reporter()), incident.reporter());
            }
        }
        tell(incident, "incident-detected", Map.of(), "detected");
    }

    /** A responder's triage: severity, and whether it is a serious incident under the EU AI Act and of which kind. */
    @Transactional
    public Incident triage(String id, Object severity, Object serious, Object seriousKind, String actor) {
        Incident incident = locked(id);
        Severity sev = parse(Severity.class, severity, "severity");
        boolean isSerious = Boolean.TRUE.equals(serious) || "true".equals(serious);
        SeriousKind kind = isSerious ? parse(SeriousKind.class, seriousKind, "seriousKind") : null;
        Map<String, Object> changes = new HashMap<>();
        changes.put("severity", sev.name());
        changes.put("serious", isSerious);
        changes.put("seriousKind", kind == null ? null : kind.name());
        changes.put("status", IncidentStatus.TRIAGED.name());
        changes.put("triagedAt", now());
        changes.put("triagedBy", actor);
        incidents.update(id, changes);
        audit.record(actor, "INCIDENT_TRIAGED", ENTITY, incident.modelId() + ":" + id, Map.of("severity", sev.name(),
                "serious", isSerious, "seriousKind", kind == null ? "" : kind.name()));
        Incident triaged = get(id);
        tell(triaged, "incident-triaged", Map.of("actor", actor,
                "seriousText", isSerious ? " — a SERIOUS incident under EU AI Act Art. 73 (" + kind + ")" : "",
                "containmentText", sev.needsContainment() ? "Break-glass containment runs now." : ""), "triaged");
        return triaged;
    }

    /** Break-glass for a SEV1/SEV2 incident: traffic to the fallback, approval suspended, reassessments paused. */
    @Transactional
    public Incident contain(String id) {
        Incident incident = locked(id);
        if (incident.severity() == null || !incident.severity().needsContainment()) {
            // only a recorded triage of SEV1/SEV2 breaks the glass
            throw new IllegalStateException("Refusing to contain " + id + ": its recorded triage ("
                    + incident.severity() + ") does not call for containment");
        }
        String endpoint = inventory.get(incident.modelId()).deployment().endpointName();
        Map<String, Object> values = new HashMap<>();
        if (endpoint != null) {
            DeploymentControl.Containment c = deployment.breakGlass(endpoint, id, by(incident.triagedBy()),
                    "incident " + id + " (" + incident.severity() + ")", incident.exercise());
            values.put("endpointName", endpoint);
            values.put("previousWeights", c.previousWeights());
            values.put("appliedWeights", c.appliedWeights());
        } else {
            values.put("endpointName", "(none: the model has no endpoint in the inventory)");
        }
        values.put("dryRunText", incident.exercise() ? " EXERCISE: dry run, nothing was changed." : "");
        if (!incident.exercise()) {
            inventory.setOperationalStatus(incident.modelId(), ModelStatus.SUSPENDED, "break-glass for " + id,
                    by(incident.triagedBy()));
            if (incident.versionId() != null) {
                lifecycle.pauseReassessments(incident.versionId(), true, by(incident.triagedBy()));
            }
        }
        incidents.update(id, Map.of("status", IncidentStatus.CONTAINED.name(), "containedAt", now()));
        audit.record(by(incident.triagedBy()), "INCIDENT_CONTAINED", ENTITY, incident.modelId() + ":" + id,
                Map.of("endpoint",
                String.valueOf(endpoint), "dryRun", incident.exercise()));
        Incident contained = get(id);
        tell(contained, "incident-contained", values, "contained");
        return contained;
    }

    @Transactional
    public void investigate(String id, String rootCause, String affectedPopulation, String actor) {
        Incident incident = locked(id);
        requireText("rootCause", rootCause);
        incidents.update(id, Map.of("rootCause", rootCause.strip(), "affectedPopulation",
                affectedPopulation == null ? "" : affectedPopulation.strip()));
        audit.record(actor, "INCIDENT_INVESTIGATED", ENTITY, incident.modelId() + ":" + id, Map.of("rootCause",
                rootCause.strip()));
    }

    @Transactional
    public void remediate(String id, Object action, String notes, String actor) {
        Incident incident = locked(id);
        String remediation = String.valueOf(action);
        if (!List.of("ROLLBACK", "RETRAIN", "ACCEPT").contains(remediation)) {
            throw InvalidInputException.of("remediation", "must be ROLLBACK, RETRAIN or ACCEPT");
        }
        requireText("remediationNotes", notes);
        incidents.update(id, Map.of("remediation", remediation, "remediationNotes", notes.strip(), "remediatedBy",
                actor));
        audit.record(actor, "INCIDENT_REMEDIATED", ENTITY, incident.modelId() + ":" + id, Map.of("remediation",
                remediation, "notes", notes.strip()));
    }

    /** Restoration once remediated: containment undone, reassessments resumed. */
    @Transactional
    public Incident restore(String id) {
        Incident incident = locked(id);
        if (incident.remediation() == null) {
            throw new IllegalStateException("Refusing to restore " + id + ": no remediation has been recorded");
        }
        String restoreText = "Nothing was contained.";
        if (incident.containedAt() != null && !incident.exercise()) {
            String endpoint = inventory.get(incident.modelId()).deployment().endpointName();
            if (endpoint != null) {
                restoreText = deployment.restore(endpoint, by(incident.remediatedBy()))
                        .map(c -> "Traffic of " + endpoint + " is back to " + c.previousWeights() + ".")
                        .orElse("No containment was active on " + endpoint + ".");
            }
            inventory.setOperationalStatus(incident.modelId(), ModelStatus.UNDER_INCIDENT,
                    "containment of " + id + " undone", by(incident.remediatedBy()));
            if (incident.versionId() != null) {
                lifecycle.pauseReassessments(incident.versionId(), false, by(incident.remediatedBy()));
            }
        } else if (incident.exercise() && incident.containedAt() != null) {
            restoreText = "EXERCISE: the dry-run containment needs no undoing.";
        }
        incidents.update(id, Map.of("status", IncidentStatus.RESOLVED.name(), "resolvedAt", now()));
        audit.record(by(incident.remediatedBy()), "INCIDENT_RESOLVED", ENTITY, incident.modelId() + ":" + id,
                Map.of("restored", restoreText));
        Incident resolved = get(id);
        tell(resolved, "incident-restored", Map.of("restoreText", restoreText, "remediation",
                String.valueOf(resolved.remediation())), "restored");
        return resolved;
    }

    /** Starts the Art. 73 clock from awareness; escalations at half the time and at 90 %. */
    @Transactional
    public RegulatoryClock startRegulatoryClock(String id, String reportWithin) {
        Incident incident = locked(id);
        RegulatoryClock clock = RegulatoryClock.from(incident.awareAt(), Duration.parse(reportWithin));
        incidents.update(id, Map.of("reportDueAt", clock.dueAt()));
        audit.record(ACTOR, "REGULATORY_CLOCK_STARTED", ENTITY, incident.modelId() + ":" + id, Map.of("reportWithin",
                reportWithin, "dueAt", clock.dueAt().toString(), "seriousKind", String.valueOf(incident.seriousKind())));
        return clock;
    }

    @Transactional
    public void fileReport(String id, String reference, String actor) {
        Incident incident = locked(id);
        requireText("reportReference", reference);
        incidents.update(id, Map.of("reportReference", reference.strip(), "reportFiledAt", now()));
        audit.record(actor, "REGULATORY_REPORT_FILED", ENTITY, incident.modelId() + ":" + id, Map.of("reference",
                reference.strip(), "dueAt", String.valueOf(incident.reportDueAt())));
    }

    /** A target or deadline is near or missed: risk officers, responders (and compliance for reports) hear of it. */
    @Transactional
    public void escalate(String id, String escalation, String dedupKey) {
        Incident incident = get(id);
        String text = switch (escalation) {
            case "TRIAGE_TARGET_MISSED" -> "the triage target for its severity was missed; triage it now.";
            case "REPORT_HALFWAY" -> "half the time to file the serious-incident report has passed (due "
                    + incident.reportDueAt() + ").";
            case "REPORT_NINETY_PERCENT" -> "90 % of the time to file the serious-incident report has passed (due "
                    + incident.reportDueAt() + ").";
            case "REPORT_OVERDUE" -> "the serious-incident report deadline (" + incident.reportDueAt()
                    + ") has passed and the report is not filed.";
            default -> escalation;
        };
        audit.record(ACTOR, "INCIDENT_ESCALATED", ENTITY, incident.modelId() + ":" + id, Map.of("escalation", escalation));
        tell(incident, "incident-escalated", Map.of("escalation", escalation, "escalationText", text),
                "escalated:" + dedupKey);
    }

    @Transactional
    public void recordReview(String id, String lessonsLearned, String actor) {
        Incident incident = locked(id);
        requireText("lessonsLearned", lessonsLearned);
        incidents.update(id, Map.of("lessonsLearned", lessonsLearned.strip(), "reviewedBy", actor));
        audit.record(actor, "POST_INCIDENT_REVIEWED", ENTITY, incident.modelId() + ":" + id, Map.of("lessonsLearned",
                lessonsLearned.strip()));
    }

    /** The person whose decision causes a step; incidents recorded before deciders were kept name ModelGov. */
    private static String by(String person) {
        return person != null ? person : ACTOR;
    }

    /** Closure: the model returns to its status before the incident and the lifecycle is told. */
    @Transactional
    public Incident close(String id) {
        Incident incident = locked(id);
        if (incident.severity() == null || incident.lessonsLearned() == null) {
            throw new IllegalStateException("Refusing to close " + id + ": it has no recorded triage and"
                    + " post-incident review");
        }
        if (!incident.exercise()) {
            Model model = inventory.get(incident.modelId());
            if (model.status() == ModelStatus.UNDER_INCIDENT || model.status() == ModelStatus.SUSPENDED) {
                inventory.setOperationalStatus(model.id(), ModelStatus.valueOf(incident.modelStatusBefore()),
                        "incident " + id + " closed", by(incident.reviewedBy()));
            }
            if (incident.versionId() != null) {
                lifecycle.tellIncident(incident.versionId(), LifecycleEvent.INCIDENT_CLOSED,
                        Map.of("closedIncident", id), by(incident.reviewedBy()));
            }
        }
        Instant now = now();
        Map<String, Object> changes = new HashMap<>(Map.of("status", IncidentStatus.CLOSED.name(), "closedAt", now));
        if (incident.resolvedAt() == null) {
            changes.put("resolvedAt", now);
        }
        incidents.update(id, changes);
        Incident closed = get(id);
        audit.record(by(incident.reviewedBy()), "INCIDENT_CLOSED", ENTITY, incident.modelId() + ":" + id, Map.of(
                "timeToTriage", String.valueOf(closed.timeToTriage()), "timeToContain",
                String.valueOf(closed.timeToContain()), "timeToResolve", String.valueOf(closed.timeToResolve())));
        tell(closed, "incident-closed", Map.of("timeToTriage", String.valueOf(closed.timeToTriage()),
                "timeToContain", String.valueOf(closed.timeToContain()),
                "timeToResolve", String.valueOf(closed.timeToResolve()),
                "lessonsLearned", String.valueOf(closed.lessonsLearned())), "closed");
        return closed;
    }

    // ---- manual break-glass ----

    /** Incident responders contain a model by hand (audited); undone with {@link #undoBreakGlass}. */
    @Transactional
    public DeploymentControl.Containment breakGlass(String modelId, String reason, Actor actor) {
        requireResponder(actor);
        requireText("reason", reason);
        String endpoint = endpointOf(modelId);
        DeploymentControl.Containment c = deployment.breakGlass(endpoint, null, actor.userId(), reason.strip(), false);
        inventory.setOperationalStatus(modelId, ModelStatus.SUSPENDED, "manual break-glass: " + reason.strip(),
                actor.userId());
        audit.record(actor.userId(), "BREAK_GLASS", "MODEL", modelId, Map.of("endpoint", endpoint, "reason",
                reason.strip(), "previousWeights", c.previousWeights().toString()));
        return c;
    }

    @Transactional
    public DeploymentControl.Containment undoBreakGlass(String modelId, Actor actor) {
        requireResponder(actor);
        String endpoint = endpointOf(modelId);
        DeploymentControl.Containment c = deployment.restore(endpoint, actor.userId()).orElseThrow(() ->
                new org.modelgov.common.ConflictException("No containment is active on " + endpoint));
        Model model = inventory.get(modelId);
        if (model.status() == ModelStatus.SUSPENDED) {
            boolean openIncident = !incidents.list(modelId, null, 50).stream().filter(Incident::isOpen)
                    .filter(i -> !i.exercise()).toList().isEmpty();
            inventory.setOperationalStatus(modelId, openIncident ? ModelStatus.UNDER_INCIDENT
                    : ModelStatus.IN_PRODUCTION, "break-glass undone", actor.userId());
        }
        audit.record(actor.userId(), "BREAK_GLASS_UNDONE", "MODEL", modelId, Map.of("endpoint", endpoint,
                "restoredWeights", c.previousWeights().toString()));
        return c;
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public Incident get(String id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("No incident " + id));
    }

    @Transactional(readOnly = true)
    public List<Incident> list(String modelId, IncidentStatus status, int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be between 1 and 500");
        }
        return incidents.list(modelId, status, limit);
    }

    @Transactional(readOnly = true)
    public List<IncidentEngine.Step> timeline(String id) {
        get(id);
        return engine.timeline(id);
    }

    // ---- helpers ----

    private Optional<Incident> occurrenceOf(ReportIncident command) {
        if (command.externalId() == null || command.externalId().isBlank() || command.modelId() == null) {
            return Optional.empty();
        }
        return incidents.findOpenByExternalId(command.modelId(), command.externalId());
    }

    private Incident addOccurrence(Incident open, ReportIncident command) {
        Incident locked = locked(open.id());
        int occurrence = locked.occurrences() + 1;
        incidents.addOccurrence(open.id(), occurrence, now(), command.source() == null ? "API" : command.source(),
                command.description());
        incidents.update(open.id(), Map.of("occurrences", occurrence));
        audit.record(ACTOR, "INCIDENT_OCCURRED_AGAIN", ENTITY, open.modelId() + ":" + open.id(), Map.of("occurrence",
                occurrence, "externalId", command.externalId()));
        return get(open.id());
    }

    private void tell(Incident incident, String template, Map<String, ?> extra, String event) {
        Map<String, Object> values = new HashMap<>(extra);
        values.put("incidentId", incident.id());
        Model model = inventory.get(incident.modelId());
        values.put("modelId", incident.modelId());
        values.put("modelName", model.name());
        values.put("type", incident.type().name());
        values.put("description", incident.description());
        values.put("reporter", incident.reporter());
        values.put("awareAt", incident.awareAt().toString());
        values.put("severity", incident.severity() == null ? "untriaged" : incident.severity().name());
        values.put("exercisePrefix", incident.exercise() ? "[EXERCISE] " : "");
        NotificationTemplates.Message message = templates.render(template, values);
        List<String> groups = new ArrayList<>(List.of(GovernanceRole.INCIDENT_RESPONDER.groupId(),
                GovernanceRole.RISK_OFFICER.groupId()));
        if (Boolean.TRUE.equals(incident.serious())) {
            groups.add(GovernanceRole.COMPLIANCE_OFFICER.groupId());
        }
        notifications.send(new Notification("incident:" + incident.id() + ":" + event, "INCIDENT_" + template
                .substring("incident-".length()).toUpperCase(), message.subject(), message.body(), groups,
                List.of(model.owner()), incident.modelId(), model.riskTier() == null ? null : model.riskTier().name(),
                incident.severity() == null ? null : incident.severity().name()));
    }

    private Incident locked(String id) {
        return incidents.findForUpdate(id).orElseThrow(() -> new NotFoundException("No incident " + id));
    }

    private String endpointOf(String modelId) {
        String endpoint = inventory.get(modelId).deployment().endpointName();
        if (endpoint == null) {
            throw new org.modelgov.common.ConflictException("Model " + modelId + " has no endpoint to contain");
        }
        return endpoint;
    }

    private static void requireResponder(Actor actor) {
        if (!actor.isIn(GovernanceRole.INCIDENT_RESPONDER.groupId()) && !actor.isIn(GovernanceRole.GOVERNANCE_ADMIN
                .groupId()) && !actor.isIn(GovernanceRole.CAMUNDA_ADMIN_GROUP)) {
            throw new AccessDeniedToActionException("Only incident responders and governance administrators may"
                    + " break the glass");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "is required");
        }
        if (value.length() > 4000) {
            throw InvalidInputException.of(field, "must be at most 4000 characters");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Object value, String field) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
