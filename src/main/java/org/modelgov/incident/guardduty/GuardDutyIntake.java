package org.modelgov.incident.guardduty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.incident.IncidentService;
import org.modelgov.incident.IncidentType;
import org.modelgov.incident.ReportIncident;
import org.modelgov.incident.Severity;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GuardDuty findings become SECURITY incidents on the models whose resources they name ({@link FindingMatcher}),
 * one per model, with the severity GuardDutySeverity suggests for triage kept with the finding. The same finding
 * again (GuardDuty updates its count and updatedAt) while the incident is open is one more occurrence; the very
 * same update delivered twice (SNS and HTTPS, or a retry) is recorded once. A finding about no model's resources
 * is told to the governance administrators and incident responders, once per finding. Every delivery is audited
 * with the SHA-256 of the event as received and its key fields, never the payload.
 */
@Service
public class GuardDutyIntake {

    private static final Logger log = LoggerFactory.getLogger(GuardDutyIntake.class);
    static final String ENTITY = "GUARDDUTY_FINDING";
    public static final String SOURCE = "GUARDDUTY";

    private final FindingMatcher matcher;
    private final SecurityFindingRepository findings;
    private final GuardDutySeverityPolicy policy;
    private final IncidentService incidents;
    private final InventoryService inventory;
    private final NotificationSender notifications;
    private final AuditTrail audit;
    private final Clock clock;

    GuardDutyIntake(FindingMatcher matcher, SecurityFindingRepository findings, GuardDutySeverityPolicy policy,
                    IncidentService incidents, InventoryService inventory, NotificationSender notifications,
                    AuditTrail audit, Clock clock) {
        this.matcher = matcher;
        this.findings = findings;
        this.policy = policy;
        this.incidents = incidents;
        this.inventory = inventory;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** What became of a finding on one model. */
    public record OnModel(String modelId, String incidentId, String outcome, int occurrences,
                          Severity suggestedSeverity, List<String> matchedBy) {

        public static final String OPENED = "OPENED";
        public static final String OCCURRENCE = "OCCURRENCE";
        public static final String ALREADY_RECORDED = "ALREADY_RECORDED";
    }

    /** @param models empty when the finding named no model's resources (the administrators were told) */
    public record Outcome(String findingId, String findingType, double severity, List<OnModel> models) {

        public boolean matched() {
            return !models.isEmpty();
        }
    }

    /** Who may post findings over HTTPS: the security integration identity and governance administrators. */
    public static boolean mayPost(Actor actor) {
        return actor.isIn(GovernanceRole.SECURITY_INTEGRATION_GROUP)
                || actor.isIn(GovernanceRole.GOVERNANCE_ADMIN.groupId())
                || actor.isIn(GovernanceRole.CAMUNDA_ADMIN_GROUP);
    }

    /** A finding posted by a logged-in caller (the HTTPS endpoint). */
    @Transactional
    public Outcome receive(GuardDutyEvent event, Actor actor) {
        if (!mayPost(actor)) {
            throw new AccessDeniedToActionException("Only the security integration (group "
                    + GovernanceRole.SECURITY_INTEGRATION_GROUP + ") and governance administrators may post"
                    + " GuardDuty findings");
        }
        return receive(event, "API", actor.userId());
    }

    /**
     * @param via      how it came: API or SNS
     * @param reporter who delivered it, recorded as the incidents' reporter and in the audit trail
     */
    @Transactional
    public Outcome receive(GuardDutyEvent event, String via, String reporter) {
        GuardDutyFinding finding = event.finding();
        audit.record(reporter, "GUARDDUTY_FINDING_RECEIVED", ENTITY, finding.id(), evidence(event, via));
        Map<String, List<String>> matches = matcher.modelsNamedBy(finding.resources());
        if (matches.isEmpty()) {
            unmatched(event, via, reporter);
            return new Outcome(finding.id(), finding.type(), finding.severity(), List.of());
        }
        List<OnModel> results = new ArrayList<>();
        matches.forEach((modelId, reasons) -> results.add(onModel(event, modelId, reasons, reporter)));
        return new Outcome(finding.id(), finding.type(), finding.severity(), List.copyOf(results));
    }

    /** The severity GuardDutySeverity suggested for the incident, when a GuardDuty finding opened it. */
    @Transactional(readOnly = true)
    public Optional<Severity> suggestedSeverity(String incidentId) {
        return findings.findByIncident(incidentId).map(SecurityFindingRepository.StoredFinding::suggestedSeverity);
    }

    @Transactional(readOnly = true)
    public Optional<SecurityFindingRepository.StoredFinding> findingOf(String incidentId) {
        return findings.findByIncident(incidentId);
    }

    private OnModel onModel(GuardDutyEvent event, String modelId, List<String> reasons, String reporter) {
        GuardDutyFinding finding = event.finding();
        // the same finding delivered twice at once opens one incident: the second waits, then sees the first's.
        // Models are locked in id order (the matcher sorts them), so two intakes cannot deadlock each other; a
        // deadlock with a response step on the same model aborts one side, which its sender or job retries
        findings.lockModel(modelId);
        Model model = inventory.get(modelId);
        GuardDutySeverityPolicy.Suggestion suggestion = policy.suggest(finding.severity(), model.riskTier());
        Optional<SecurityFindingRepository.StoredFinding> open = findings.findOpen(finding.id(), modelId);
        if (open.isPresent() && sameUpdate(open.get(), finding)) {
            log.info("GuardDuty finding {} update {} is already recorded on incident {}", finding.id(),
                    finding.updatedAt(), open.get().incidentId());
            return new OnModel(modelId, open.get().incidentId(), OnModel.ALREADY_RECORDED,
                    incidents.get(open.get().incidentId()).occurrences(), open.get().suggestedSeverity(), reasons);
        }
        IncidentService.Reported reported = incidents.report(new ReportIncident(modelId, IncidentType.SECURITY.name(),
                description(finding, reasons, suggestion), externalId(finding), false, SOURCE, List.of()), reporter);
        Instant now = now();
        String incidentId = reported.incident().id();
        if (reported.opened() || findings.findByIncident(incidentId).isEmpty()) {
            findings.insert(new SecurityFindingRepository.StoredFinding(incidentId, finding.id(), modelId,
                    finding.type(), finding.arn(), finding.accountId(), finding.region(), finding.severity(),
                    suggestion.severity(), suggestion.band(), String.join(", ", reasons), finding.count(),
                    finding.updatedAt(), event.sha256(), now, now));
        } else {
            findings.updateReceived(incidentId, finding.count(), finding.updatedAt(), finding.severity(),
                    suggestion.severity(), suggestion.band(), event.sha256(), now);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("findingId", finding.id());
        details.put("incidentId", incidentId);
        details.put("matchedBy", String.join(", ", reasons));
        details.put("guardDutySeverity", finding.severity());
        details.put("suggestedSeverity", suggestion.severity().name());
        details.put("opened", reported.opened());
        audit.record(reporter, "GUARDDUTY_FINDING_MATCHED", "INCIDENT", modelId + ":" + incidentId, details);
        log.info("GuardDuty finding {} ({}) -> incident {} on {} ({})", finding.id(), finding.type(), incidentId,
                modelId, reported.opened() ? "opened" : "occurrence " + reported.incident().occurrences());
        return new OnModel(modelId, incidentId, reported.opened() ? OnModel.OPENED : OnModel.OCCURRENCE,
                reported.incident().occurrences(), suggestion.severity(), reasons);
    }

    /** EventBridge may deliver an update twice; GuardDuty's count and update time tell a new update apart. */
    private static boolean sameUpdate(SecurityFindingRepository.StoredFinding stored, GuardDutyFinding finding) {
        return finding.updatedAt() != null && finding.updatedAt().equals(stored.updatedAt())
                && Objects.equals(finding.count(), stored.serviceCount());
    }

    /** The finding is the deduplication key of its incidents: each model's open incident gets its updates. */
    static String externalId(GuardDutyFinding finding) {
        return "guardduty:" + finding.id();
    }

    private static String description(GuardDutyFinding finding, List<String> reasons,
                                      GuardDutySeverityPolicy.Suggestion suggestion) {
        String text = "GuardDuty finding " + finding.type() + " (severity " + finding.severity() + ", "
                + suggestion.band() + "; suggested " + suggestion.severity() + ") on " + String.join(", ", reasons)
                + (finding.title() == null ? "" : ": " + finding.title()) + ". Finding " + finding.id()
                + (finding.accountId() == null ? "" : " in account " + finding.accountId())
                + (finding.region() == null ? "" : " (" + finding.region() + ")")
                + (finding.count() == null ? "" : ", seen " + finding.count() + " time(s)") + ".";
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    private void unmatched(GuardDutyEvent event, String via, String reporter) {
        GuardDutyFinding finding = event.finding();
        GuardDutySeverityPolicy.Suggestion suggestion = policy.suggest(finding.severity(), null);
        notifications.send(new Notification("guardduty-unmatched:" + finding.id(), "GUARDDUTY_UNMATCHED",
                "GuardDuty finding " + finding.type() + " matched no model",
                "GuardDuty finding " + finding.id() + " (" + finding.type() + ", severity " + finding.severity() + " "
                        + suggestion.band() + ") in account " + finding.accountId() + " (" + finding.region()
                        + "), received via " + via + ", names " + finding.resources() + "; no model in the inventory"
                        + " uses these resources, so no incident was opened. If a model does, declare its execution"
                        + " role or bucket (PUT /api/models/{id}/aws-resources); the next update of the finding"
                        + " then opens its incident. Resource type: " + finding.resourceType() + ".",
                List.of(GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.INCIDENT_RESPONDER.groupId()),
                List.of(), null, null, suggestion.severity().name()));
        audit.record(reporter, "GUARDDUTY_FINDING_UNMATCHED", ENTITY, finding.id(), Map.of("resources",
                finding.resources().toString(), "type", finding.type()));
    }

    private static Map<String, Object> evidence(GuardDutyEvent event, String via) {
        GuardDutyFinding finding = event.finding();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sha256", event.sha256());
        details.put("via", via);
        details.put("eventId", event.eventId());
        details.put("findingArn", finding.arn());
        details.put("type", finding.type());
        details.put("severity", finding.severity());
        details.put("accountId", finding.accountId());
        details.put("region", finding.region());
        details.put("count", finding.count());
        details.put("updatedAt", finding.updatedAt());
        details.put("resourceType", finding.resourceType());
        details.put("resources", finding.resources().toString());
        return details;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
