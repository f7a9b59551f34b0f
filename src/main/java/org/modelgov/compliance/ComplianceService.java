package org.modelgov.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.audit.AuditLog;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.documentation.ModelCardService;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.incident.IncidentService;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewService;
import org.modelgov.validation.CheckRun;
import org.modelgov.validation.ValidationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A model's compliance report and its compliance scope. Facts come from ModelGov's tables (the confirmed tier,
 * the recorded questionnaire, decisions, reports, findings, incidents, the audit trail), never from process
 * variables; the frameworks from {@link FrameworkCatalog}.
 */
@Service
public class ComplianceService {

    /** Who decides a model's compliance scope. */
    public static final List<String> MAY_SET_SCOPE = List.of(GovernanceRole.COMPLIANCE_OFFICER.groupId(),
            GovernanceRole.GOVERNANCE_ADMIN.groupId());
    static final String ACTION_SCOPE_CHANGED = "COMPLIANCE_SCOPE_CHANGED";
    private static final int MAX_REPORTS = 500;
    private static final int MAX_INCIDENTS = 500;
    private static final ObjectMapper CARD_JSON = new ObjectMapper();

    private final FrameworkCatalog catalog;
    private final ComplianceScopes scopes;
    private final InventoryService inventory;
    private final ReviewService reviews;
    private final EvidenceService evidence;
    private final ValidationService validation;
    private final IncidentService incidents;
    private final ModelCardService cards;
    private final AuditLog auditLog;
    private final AuditTrail audit;
    private final Clock clock;

    ComplianceService(FrameworkCatalog catalog, ComplianceScopes scopes, InventoryService inventory,
                      ReviewService reviews, EvidenceService evidence, ValidationService validation,
                      IncidentService incidents, ModelCardService cards, AuditLog auditLog, AuditTrail audit,
                      Clock clock) {
        this.catalog = catalog;
        this.scopes = scopes;
        this.inventory = inventory;
        this.reviews = reviews;
        this.evidence = evidence;
        this.validation = validation;
        this.incidents = incidents;
        this.cards = cards;
        this.auditLog = auditLog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ComplianceReport report(String modelId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return ComplianceEvaluator.evaluate(catalog.frameworks(), facts(modelId), LocalDate.ofInstant(now,
                ZoneOffset.UTC), now, catalog.location());
    }

    @Transactional(readOnly = true)
    public ComplianceScope scope(String modelId) {
        inventory.get(modelId); // 404 for an unknown model
        return scopes.find(modelId).orElse(ComplianceScope.defaults(modelId));
    }

    public boolean maySetScope(Actor actor) {
        return MAY_SET_SCOPE.stream().anyMatch(actor::isIn);
    }

    /**
     * Records a compliance officer's scope decision from the request's fields ({@link ScopeChange#from}); anyone
     * else is refused and nothing changes. Checked in this order: the model exists (404), who asks (403), the
     * fields (400).
     */
    @Transactional
    public ComplianceScope setScope(String modelId, Map<String, Object> fields, Actor actor) {
        inventory.get(modelId);
        if (!maySetScope(actor)) {
            throw new AccessDeniedToActionException("Only compliance officers and governance administrators decide"
                    + " a model's compliance scope");
        }
        ScopeChange change = ScopeChange.from(fields);
        ComplianceScope before = scopes.find(modelId).orElse(ComplianceScope.defaults(modelId));
        ComplianceScope after = new ComplianceScope(modelId, change.eu(), change.nycEmployment(), change.usBank(),
                change.note(), actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS), true);
        scopes.save(after);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", flags(before));
        details.put("to", flags(after));
        details.put("note", change.note());
        audit.record(actor.userId(), ACTION_SCOPE_CHANGED, "MODEL", modelId, details);
        return after;
    }

    private static Map<String, Object> flags(ComplianceScope s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eu", s.eu());
        m.put("nycEmployment", s.nycEmployment());
        m.put("usBank", s.usBank());
        m.put("decided", s.decided());
        return m;
    }

    ModelFacts facts(String modelId) {
        Model model = inventory.get(modelId);
        ModelVersion version = inventory.servingVersion(modelId).orElse(null);
        List<ReviewDecision> decisions = version == null ? List.of() : reviews.decisions(version.id());
        CheckRun run = null;
        if (version != null) {
            List<CheckRun> rounds = validation.runs(version.id()).stream()
                    .filter(r -> r.purpose() == CheckRun.Purpose.VALIDATION)
                    .sorted(Comparator.comparing(CheckRun::startedAt)).toList();
            run = rounds.stream().filter(r -> "PASSED".equals(r.outcome())).reduce((a, b) -> b)
                    .orElse(rounds.isEmpty() ? null : rounds.get(rounds.size() - 1));
        }
        Map<String, Instant> actions = auditLog.lastOccurrences(modelId);
        ComplianceScope scope = scopes.find(modelId).orElse(ComplianceScope.defaults(modelId));
        return new ModelFacts(model.id(), model.name(), model.riskTier(), useArea(modelId, version), 
                version == null ? null : version.id(), version == null ? null : version.number(), decisions,
                evidence.list(modelId, null, MAX_REPORTS), run, run == null ? List.of() : validation.findings(run.id()),
                model.nextReviewDue(), version == null ? Set.of() : cardFields(version.id()),
                incidents.list(modelId, null, MAX_INCIDENTS), actions, scope);
    }

    /** The use area the owner answered for the version (or, failing that, for the model's latest answered one). */
    private String useArea(String modelId, ModelVersion version) {
        if (version != null) {
            ReviewDecision answered = reviews.latest(version.id(), ReviewKind.RISK_QUESTIONNAIRE);
            if (answered != null) {
                return (String) answered.details().get("useArea");
            }
        }
        List<ModelVersion> all = inventory.versions(modelId);
        for (int i = all.size() - 1; i >= 0; i--) {
            ReviewDecision answered = reviews.latest(all.get(i).id(), ReviewKind.RISK_QUESTIONNAIRE);
            if (answered != null) {
                return (String) answered.details().get("useArea");
            }
        }
        return null;
    }

    private Set<String> cardFields(String versionId) {
        Set<String> present = new HashSet<>();
        cards.find(versionId).ifPresent(card -> {
            JsonNode content;
            try {
                content = CARD_JSON.readTree(card.content());
            } catch (java.io.IOException e) {
                return; // an unreadable card has no fields
            }
            for (String path : EvidenceVocabulary.CARD_FIELDS) {
                JsonNode node = content;
                for (String part : path.split("\\.")) {
                    node = node.path(part);
                }
                boolean filled = node.isTextual() ? !node.asText().isBlank()
                        : node.isContainerNode() ? !node.isEmpty() : !node.isMissingNode() && !node.isNull();
                if (filled) {
                    present.add(path);
                }
            }
        });
        return present;
    }
}
