package org.modelgov.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.evidence.NewReport;
import org.modelgov.evidence.ReportKind;
import org.modelgov.evidence.Upload;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.privacy.PersonalDataFinding.DetectedBy;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewService;
import org.modelgov.risk.RiskQuestionnaire;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The personal-data scan of every dataset a version names (evaluation, reference, current), read only through the
 * {@link DatasetSource} boundary and stored as one {@code PERSONAL_DATA} evidence report: in technical validation,
 * for the risk officer's tier review, and on demand. What it shows names datasets, columns and detectors, never a
 * value.
 */
@Service
public class PersonalDataScans {

    static final String ACTION_SCANNED = "PERSONAL_DATA_SCANNED";
    /** Who may scan a version on demand: besides the model's own people (owner, creator, who registered it). */
    public static final List<String> MAY_SCAN = List.of(GovernanceRole.VALIDATOR.groupId(),
            GovernanceRole.RISK_OFFICER.groupId(), GovernanceRole.COMPLIANCE_OFFICER.groupId(),
            GovernanceRole.GOVERNANCE_ADMIN.groupId());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InventoryService inventory;
    private final EvidenceService evidence;
    private final DatasetSource datasets;
    private final ReviewService reviews;
    private final AuditTrail audit;
    private final TransactionOperations transactions;

    PersonalDataScans(InventoryService inventory, EvidenceService evidence, DatasetSource datasets,
                      ReviewService reviews, AuditTrail audit, TransactionOperations transactions) {
        this.inventory = inventory;
        this.evidence = evidence;
        this.datasets = datasets;
        this.reviews = reviews;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** One column of one dataset that holds one kind of personal data. */
    public record ColumnFinding(String part, String file, String column, String detector, String label,
                                boolean specialCategory, long rows, double share, DetectedBy detectedBy) {

        /** {@code column 'email' of evaluation.csv: e-mail address (EMAIL) in 2000 rows (100.0%), by values}. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "column '%s' of %s: %s (%s) in %d rows (%.1f%%), %s", column,
                    file, label, detector, rows, share * 100, detectedBy.label());
        }
    }

    /** A stored scan: the evidence report, how many datasets it read, and its findings. */
    public record Scan(EvidenceReport report, int datasets, String found, List<ColumnFinding> findings) {

        public String reportId() {
            return report.summary().id();
        }
    }

    /** The dataset URIs a version names, by upload part: data (evaluation), reference, current; each once. */
    static Map<String, String> datasetsOf(ModelVersion version) {
        Map<String, String> named = new LinkedHashMap<>();
        if (version.evaluationDatasetUri() == null) {
            return named;
        }
        named.put("data", version.evaluationDatasetUri());
        addIfNew(named, "reference", version.validation().referenceDatasetUri());
        addIfNew(named, "current", version.validation().currentDatasetUri());
        return named;
    }

    private static void addIfNew(Map<String, String> named, String part, String uri) {
        if (uri != null && !named.containsValue(uri)) {
            named.put(part, uri);
        }
    }

    /**
     * Scans the version's datasets for the lifecycle (recorded as created by ModelGov); empty when the version
     * names no evaluation dataset.
     *
     * @throws InvalidInputException or {@link org.modelgov.evidence.DataLimitException} when a dataset cannot be
     *                               read or is malformed; the message names the dataset, never its content
     */
    public Optional<Scan> scanForLifecycle(ModelVersion version) {
        Map<String, String> named = datasetsOf(version);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(scan(evidence.createForLifecycle(request(version, named)), named.size()));
    }

    /**
     * Scans a version's datasets because a person asked: the model's own people, validators, risk officers,
     * compliance officers and governance administrators may; the scan is audited with who asked.
     */
    public Scan scanOnDemand(String modelId, String versionNumber, Actor actor) {
        boolean byRole = MAY_SCAN.stream().anyMatch(actor::isIn);
        if (!byRole && !actor.isIn(GovernanceRole.MODEL_OWNER.groupId())) {
            throw new AccessDeniedToActionException("Only the model's owner, validators, risk officers, compliance"
                    + " officers and governance administrators may scan a version for personal data");
        }
        int number;
        try {
            number = Integer.parseInt(versionNumber);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("number", "must be a version number (1, 2, ...)");
        }
        ModelVersion version = inventory.version(modelId, number);
        if (!byRole && !reviews.modelPeople(version.id()).contains(actor.userId())) {
            throw new AccessDeniedToActionException("Only the model's owner, validators, risk officers, compliance"
                    + " officers and governance administrators may scan a version for personal data; "
                    + actor.userId() + " is not one of " + modelId + "'s people");
        }
        Map<String, String> named = datasetsOf(version);
        if (named.isEmpty()) {
            throw InvalidInputException.of("evaluationDatasetUri", "version " + number + " of " + modelId
                    + " names no evaluation dataset to scan");
        }
        Scan scan = scan(evidence.createAs(request(version, named), actor.userId()), named.size());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reportId", scan.reportId());
        details.put("datasets", named.size());
        details.put("found", scan.found());
        details.put("columns", scan.findings().size());
        transactions.executeWithoutResult(status -> audit.record(actor.userId(), ACTION_SCANNED, "MODEL_VERSION",
                version.id(), details));
        return scan;
    }

    /** The questionnaire's personalData answer as recorded (never a process variable); NONE when not answered. */
    public String declared(String versionId) {
        ReviewDecision answered = reviews.latest(versionId, ReviewKind.RISK_QUESTIONNAIRE);
        Object value = answered == null ? null : answered.details().get("personalData");
        return value instanceof String s && RiskQuestionnaire.PERSONAL_DATA.contains(s) ? s : "NONE";
    }

    private NewReport request(ModelVersion version, Map<String, String> named) {
        Map<String, Upload> uploads = new LinkedHashMap<>();
        named.forEach((part, uri) -> uploads.put(part, datasets.upload(part, uri)));
        return new NewReport(ReportKind.PERSONAL_DATA, uploads, List.of(), version.modelId(),
                String.valueOf(version.number()));
    }

    private static Scan scan(EvidenceReport report, int datasets) {
        JsonNode json;
        try {
            json = JSON.readTree(report.reportJson());
        } catch (IOException e) {
            throw new IllegalStateException("a stored report is not JSON", e);
        }
        List<ColumnFinding> findings = new ArrayList<>();
        for (JsonNode d : json.path("datasets")) {
            for (JsonNode f : d.path("findings")) {
                findings.add(new ColumnFinding(d.path("part").asText(), d.path("file").asText(),
                        f.path("column").asText(), f.path("detector").asText(), f.path("label").asText(),
                        f.path("special_category").asBoolean(), f.path("rows").asLong(), f.path("share").asDouble(),
                        DetectedBy.named(f.path("detected_by").asText())));
            }
        }
        return new Scan(report, datasets, json.path("found").asText("NONE"), findings);
    }
}
