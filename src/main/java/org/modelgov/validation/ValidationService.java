package org.modelgov.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.modelgov.audit.AuditLog;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.NotFoundException;
import org.modelgov.config.DatasetLimitsProperties;
import org.modelgov.evidence.DataLimitException;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.evidence.NewReport;
import org.modelgov.evidence.ReportKind;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.impact.CategoryRate;
import org.modelgov.fairness.impact.ImpactRatioAnalysis;
import org.modelgov.fairness.impact.ImpactRatioReport;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.inventory.SecurityPosture;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automated half of validation and reassessment: computes the metrics on the version's datasets
 * (stored as evidence reports), checks them against the {@code ValidationThresholds} policy, and
 * concludes a round from the findings and the reviewers' decisions. Metrics run outside a database
 * transaction; each step's findings are saved together.
 */
@Service
public class ValidationService {

    /** The performance metric a drop is measured on (share of correct predictions). */
    static final String PERFORMANCE_METRIC = "accuracy";
    static final String CHECK_PERFORMANCE = "PERFORMANCE";
    static final String CHECK_PERSONAL_DATA = "PERSONAL_DATA";
    static final List<String> SECURITY_CONTROLS = List.of("ENCRYPTION_AT_REST", "NETWORK_ISOLATION", "DATA_CAPTURE",
            "INTER_CONTAINER_ENCRYPTION");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CheckRunRepository runs;
    private final InventoryService inventory;
    private final EvidenceService evidence;
    private final ReviewService reviews;
    private final ValidationPolicy policy;
    private final DatasetSource datasets;
    private final CsvLimits limits;
    private final SecurityPostureSource postures;
    private final MonitoringEvidence monitoring;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PersonalDataScans personalData;
    private final PersonalDataPolicy personalDataPolicy;

    ValidationService(CheckRunRepository runs, InventoryService inventory, EvidenceService evidence,
                      ReviewService reviews, ValidationPolicy policy, DatasetSource datasets,
                      SecurityPostureSource postures, MonitoringEvidence monitoring, AuditLog auditLog,
                      Clock clock, DatasetLimitsProperties limits, PersonalDataScans personalData,
                      PersonalDataPolicy personalDataPolicy) {
        this.limits = limits.csvLimits();
        this.personalData = personalData;
        this.personalDataPolicy = personalDataPolicy;
        this.postures = postures;
        this.monitoring = monitoring;
        this.runs = runs;
        this.inventory = inventory;
        this.evidence = evidence;
        this.reviews = reviews;
        this.policy = policy;
        this.datasets = datasets;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What a round concluded: passed or not, and every finding as one line each. */
    public record Outcome(String runId, boolean passed, long failures, long warnings, String summary) {
    }

    @Transactional
    public String startRun(String versionId, CheckRun.Purpose purpose, RiskTier tier) {
        inventory.version(versionId);
        int round = (int) runs.runs(versionId).stream().filter(r -> r.purpose() == purpose).count() + 1;
        CheckRun run = new CheckRun(UUID.randomUUID().toString(), versionId, purpose, round, tier, now(), null, null);
        runs.insert(run);
        return run.id();
    }

    /**
     * Performance against the tier's thresholds and the previous approved version, personal data in the version's
     * datasets against what the questionnaire declared, and the security posture.
     */
    public List<Finding> runTechnicalChecks(String runId) {
        CheckRun run = run(runId);
        ModelVersion version = inventory.version(run.versionId());
        List<Finding> findings = new ArrayList<>();
        performance(version, run.riskTier(), version.evaluationDatasetUri(), Area.TECHNICAL, baselineFor(version),
                findings);
        personalData(version, findings);
        securityPosture(version, run.riskTier(), findings);
        runs.addFindings(runId, findings);
        return findings;
    }

    /** Bias metrics and impact ratios against the tier's thresholds, and the explainability report. */
    public List<Finding> runFairnessChecks(String runId) {
        CheckRun run = run(runId);
        ModelVersion version = inventory.version(run.versionId());
        List<Finding> findings = new ArrayList<>();
        bias(version, run.riskTier(), findings);
        explainability(version, run.riskTier(), findings);
        runs.addFindings(runId, findings);
        return findings;
    }

    /**
     * Reassessment evidence: drift of current data against the reference data, performance on current
     * data against the validated performance, and incidents since the last review.
     */
    public List<Finding> gatherMonitoringEvidence(String runId) {
        CheckRun run = run(runId);
        ModelVersion version = inventory.version(run.versionId());
        List<Finding> findings = new ArrayList<>();
        drift(version, run.riskTier(), findings);
        String current = version.validation().currentDatasetUri();
        if (current != null) {
            Optional<Double> validated = validatedPerformance(version.id());
            performance(version, run.riskTier(), current, Area.MONITORING, validated.orElse(null), findings);
        }
        for (String violation : monitoring.violations(inventory.get(version.modelId()))) {
            findings.add(Finding.of(Area.MONITORING, "MODEL_MONITOR", FindingLevel.FAIL, violation));
        }
        incidentsSinceLastReview(version, run, findings);
        runs.addFindings(runId, findings);
        runs.conclude(runId, findings.stream().anyMatch(f -> f.level() == FindingLevel.FAIL) ? "BREACHED" : "WITHIN_BOUNDS",
                now());
        return findings;
    }

    /** The team's own pipeline ended: passed or failed, with what it said. */
    @Transactional
    public void recordPipelineOutcome(String runId, boolean succeeded, String status, String detail, String execution) {
        run(runId);
        String said = detail == null || detail.isBlank() ? "" : ": " + detail;
        runs.addFindings(runId, List.of(Finding.of(Area.TECHNICAL, "TEAM_PIPELINE",
                succeeded ? FindingLevel.PASS : FindingLevel.FAIL, "team pipeline " + execution + " " + status + said)));
    }

    /** Whether no automated check of the round (so far) failed it: only then are reviewers asked. */
    @Transactional(readOnly = true)
    public boolean automatedChecksPassed(String runId) {
        return findings(runId).stream().noneMatch(f -> f.level() == FindingLevel.FAIL);
    }

    /** Ends a validation round: failed when any check or any reviewer failed it. */
    @Transactional
    public Outcome conclude(String runId) {
        CheckRun run = run(runId);
        if (run.concludedAt() == null) {
            // a round that failed its automated checks was not put to the reviewers: their silence is no finding
            boolean checksFailed = !automatedChecksPassed(runId);
            List<Finding> fromReviewers = new ArrayList<>();
            for (ReviewKind kind : List.of(ReviewKind.TECHNICAL_VALIDATION, ReviewKind.ETHICAL_VALIDATION,
                    ReviewKind.BUSINESS_VALIDATION)) {
                Area area = switch (kind) {
                    case TECHNICAL_VALIDATION -> Area.TECHNICAL;
                    case ETHICAL_VALIDATION -> Area.ETHICAL;
                    default -> Area.BUSINESS;
                };
                List<ReviewDecision> decided = reviews.decisions(run.versionId(), kind, runId);
                if (decided.isEmpty()) {
                    fromReviewers.add(checksFailed
                            ? Finding.of(area, "REVIEW", FindingLevel.INFO, "not put to reviewers: the automated"
                                    + " checks failed")
                            : Finding.of(area, "REVIEW", FindingLevel.FAIL, "no reviewer decided"));
                }
                for (ReviewDecision d : decided) {
                    boolean approved = d.decision().equals("APPROVED");
                    fromReviewers.add(Finding.of(area, "REVIEW", approved ? FindingLevel.PASS : FindingLevel.FAIL,
                            (approved ? "approved by " : "rejected by ") + d.actor()
                                    + (d.comment() == null ? "" : ": " + d.comment())));
                }
            }
            runs.addFindings(runId, fromReviewers);
            boolean passed = runs.findings(runId).stream().noneMatch(f -> f.level() == FindingLevel.FAIL);
            runs.conclude(runId, passed ? "PASSED" : "FAILED", now());
        }
        return outcome(runId);
    }

    @Transactional(readOnly = true)
    public Outcome outcome(String runId) {
        CheckRun run = run(runId);
        List<Finding> findings = runs.findings(runId);
        long failures = findings.stream().filter(f -> f.level() == FindingLevel.FAIL).count();
        long warnings = findings.stream().filter(f -> f.level() == FindingLevel.WARN).count();
        return new Outcome(runId, "PASSED".equals(run.outcome()) || "WITHIN_BOUNDS".equals(run.outcome()), failures,
                warnings, summary(findings));
    }

    @Transactional(readOnly = true)
    public List<Finding> findings(String runId) {
        run(runId);
        return runs.findings(runId);
    }

    @Transactional(readOnly = true)
    public List<CheckRun> runs(String versionId) {
        return runs.runs(versionId);
    }

    @Transactional(readOnly = true)
    public CheckRun run(String runId) {
        return runs.find(runId).orElseThrow(() -> new NotFoundException("No check run " + runId));
    }

    /** Failures first, then warnings, then the rest; one line each. */
    public static String summary(List<Finding> findings) {
        return findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::level))
                .map(Finding::line).collect(Collectors.joining("\n"));
    }

    // ---- checks ----

    private void performance(ModelVersion version, RiskTier tier, String dataUri, Area area, Double baseline,
                             List<Finding> findings) {
        String config = version.validation().analysisConfigUri();
        if (!requireInputs(version, area, dataUri, config, findings)) {
            return;
        }
        EvidenceReport report;
        try {
            report = evidence.createForLifecycle(new NewReport(ReportKind.PERFORMANCE,
                    Map.of("data", datasets.upload("data", dataUri), "config", datasets.upload("config", config)), List.of(),
                    version.modelId(), String.valueOf(version.number())));
        } catch (InvalidInputException | DataLimitException e) {
            findings.add(Finding.of(area, CHECK_PERFORMANCE, FindingLevel.FAIL,
                    "performance could not be computed: " + e.getMessage()));
            return;
        }
        String reportId = report.summary().id();
        double accuracy = overall(report.reportJson(), PERFORMANCE_METRIC);
        findings.add(new Finding(area, CHECK_PERFORMANCE, FindingLevel.INFO,
                String.format("%s %.4f on %s", PERFORMANCE_METRIC, accuracy, dataUri), accuracy, reportId));
        if (baseline == null) {
            findings.add(Finding.of(area, "PERFORMANCE_DROP", FindingLevel.INFO,
                    "no validated baseline to compare with: this version's performance becomes the baseline"));
            return;
        }
        double drop = baseline == 0 ? 0 : (baseline - accuracy) / baseline;
        findings.add(checked(area, "PERFORMANCE_DROP", drop, policy.thresholds(tier, "PERFORMANCE_DROP"), reportId,
                String.format("%s fell %.1f%% from the validated %.4f to %.4f", PERFORMANCE_METRIC, drop * 100,
                        baseline, accuracy)));
    }

    /**
     * Every dataset the version names, scanned for personal data; each column found is judged by the
     * PersonalDataPolicy against the questionnaire's recorded answer (personal data the owner did not declare fails).
     */
    private void personalData(ModelVersion version, List<Finding> findings) {
        String declared = personalData.declared(version.id());
        Optional<PersonalDataScans.Scan> scanned;
        try {
            scanned = personalData.scanForLifecycle(version);
        } catch (InvalidInputException | DataLimitException e) {
            findings.add(Finding.of(Area.TECHNICAL, CHECK_PERSONAL_DATA, FindingLevel.FAIL,
                    "personal data could not be scanned: " + e.getMessage()));
            return;
        }
        if (scanned.isEmpty()) {
            findings.add(Finding.of(Area.TECHNICAL, CHECK_PERSONAL_DATA, FindingLevel.INFO,
                    "not scanned: the version names no evaluation dataset"));
            return;
        }
        PersonalDataScans.Scan scan = scanned.get();
        if (scan.findings().isEmpty()) {
            PersonalDataPolicy.Verdict verdict = personalDataPolicy.judge(declared, "NONE");
            findings.add(new Finding(Area.TECHNICAL, CHECK_PERSONAL_DATA, verdict.level(), "no personal data found in "
                    + scan.datasets() + " dataset(s); declared " + declared + ": " + verdict.reason(), null,
                    scan.reportId()));
            return;
        }
        for (PersonalDataScans.ColumnFinding column : scan.findings()) {
            PersonalDataPolicy.Verdict verdict = personalDataPolicy.judge(declared,
                    column.specialCategory() ? "SPECIAL_CATEGORY" : "PERSONAL");
            findings.add(new Finding(Area.TECHNICAL, CHECK_PERSONAL_DATA, verdict.level(), column.describe()
                    + "; declared " + declared + ": " + verdict.reason(), null, scan.reportId()));
        }
    }

    private void securityPosture(ModelVersion version, RiskTier tier, List<Finding> findings) {
        SecurityPosture posture = postures.postureOf(inventory.get(version.modelId()), version);
        Map<String, Boolean> inPlace = Map.of(
                "ENCRYPTION_AT_REST", posture.encryptedAtRest(),
                "NETWORK_ISOLATION", Boolean.TRUE.equals(posture.networkIsolation()) || Boolean.TRUE.equals(posture.vpc()),
                "DATA_CAPTURE", Boolean.TRUE.equals(posture.dataCapture()),
                "INTER_CONTAINER_ENCRYPTION", Boolean.TRUE.equals(posture.interContainerEncryption()));
        for (String control : SECURITY_CONTROLS) {
            if (inPlace.get(control)) {
                findings.add(Finding.of(Area.TECHNICAL, control, FindingLevel.PASS, "in place"));
            } else {
                Optional<FindingLevel> level = policy.securityControl(tier, control);
                findings.add(Finding.of(Area.TECHNICAL, control, level.orElse(FindingLevel.INFO),
                        "not in place" + (level.isPresent() ? " (required for " + tier + " models)" : "")));
            }
        }
    }

    private void bias(ModelVersion version, RiskTier tier, List<Finding> findings) {
        String data = version.evaluationDatasetUri();
        String config = version.validation().analysisConfigUri();
        if (!requireInputs(version, Area.ETHICAL, data, config, findings)) {
            return;
        }
        EvidenceReport report;
        try {
            report = evidence.createForLifecycle(new NewReport(ReportKind.BIAS,
                    Map.of("data", datasets.upload("data", data), "config", datasets.upload("config", config)), List.of(),
                    version.modelId(), String.valueOf(version.number())));
        } catch (InvalidInputException | DataLimitException e) {
            findings.add(Finding.of(Area.ETHICAL, "BIAS", FindingLevel.FAIL,
                    "bias metrics could not be computed: " + e.getMessage()));
            return;
        }
        String reportId = report.summary().id();
        JsonNode post = readTree(report.reportJson()).path("post_training_bias_metrics");
        if (post.isMissingNode()) {
            findings.add(Finding.of(Area.ETHICAL, "BIAS", FindingLevel.FAIL,
                    "no post-training bias metrics: the analysis config must name the predicted_label column"));
            return;
        }
        // facets: {"sex": [{"value_or_threshold": "Female", "metrics": [{"name": "DI", "value": ...}]}]}
        post.path("facets").properties().forEach(column -> {
            for (JsonNode selection : column.getValue()) {
                String facet = column.getKey() + "=" + selection.path("value_or_threshold").asText();
                for (JsonNode metric : selection.path("metrics")) {
                    String name = metric.path("name").asText();
                    if (!name.equals("DI") && !name.equals("DPPL")) {
                        continue;
                    }
                    JsonNode value = metric.path("value");
                    if (value.isTextual() && value.asText().endsWith("Infinity")) {
                        // Clarify writes infinite values as strings; DI is infinite when the advantaged rate is 0
                        value = com.fasterxml.jackson.databind.node.DoubleNode.valueOf(
                                Double.parseDouble(value.asText()));
                    }
                    if (!value.isNumber()) {
                        findings.add(new Finding(Area.ETHICAL, name + ":" + facet, FindingLevel.WARN,
                                name + " could not be computed for " + facet + ": " + metric.path("error").asText(
                                        value.asText()), null, reportId));
                        continue;
                    }
                    findings.add(checked(Area.ETHICAL, name + ":" + facet, value.doubleValue(),
                            policy.thresholds(tier, name), reportId,
                            String.format("%s %.4f for %s", name, value.doubleValue(), facet)));
                }
            }
        });
        impactRatios(version, tier, config, data, reportId, findings);
    }

    /** NYC LL144 impact ratios, checked against the four-fifths bound of DI, when the config asks for them. */
    private void impactRatios(ModelVersion version, RiskTier tier, String configUri, String dataUri, String reportId,
                              List<Finding> findings) {
        AnalysisConfig config;
        try (InputStream in = datasets.open(configUri)) {
            config = AnalysisConfig.parse(in);
        } catch (IOException | MetricsInputException e) {
            return; // the bias step above already reported an unusable config
        }
        if (config.impactRatio() == null) {
            return;
        }
        ImpactRatioReport report;
        try (InputStream in = datasets.open(dataUri)) {
            report = ImpactRatioAnalysis.run(in, config, limits);
        } catch (IOException | MetricsInputException e) {
            findings.add(Finding.of(Area.ETHICAL, "IMPACT_RATIO", FindingLevel.FAIL,
                    "impact ratios could not be computed: " + e.getMessage()));
            return;
        }
        report.tables().forEach((table, rates) -> {
            for (CategoryRate rate : rates) {
                if (rate.belowMinShare()) {
                    continue;
                }
                findings.add(checked(Area.ETHICAL, "IMPACT_RATIO:" + table + "=" + rate.category(), rate.impactRatio(),
                        policy.thresholds(tier, "DI"), reportId, String.format("impact ratio %.4f for %s %s",
                                rate.impactRatio(), table, rate.category())));
            }
        });
    }

    private void explainability(ModelVersion version, RiskTier tier, List<Finding> findings) {
        String uri = version.validation().explainabilityReportUri();
        boolean required = policy.governance(tier).explainabilityRequired();
        FindingLevel missing = required ? FindingLevel.FAIL : FindingLevel.INFO;
        if (uri == null) {
            findings.add(Finding.of(Area.ETHICAL, "EXPLAINABILITY", missing, "no explainability report attached"
                    + (required ? "; " + tier + " models need feature attributions (e.g. a Clarify SHAP report)" : "")));
            return;
        }
        try (InputStream in = datasets.open(uri)) {
            JsonNode report = JSON.readTree(in);
            JsonNode explanations = report == null ? null : report.get("explanations");
            if (explanations == null || !explanations.isObject() || explanations.isEmpty()) {
                findings.add(Finding.of(Area.ETHICAL, "EXPLAINABILITY", missing, uri
                        + " has no \"explanations\" (Clarify's analysis.json form, e.g. kernel_shap)"));
            } else {
                // the report's method names (kernel_shap ...) are shown; anything that does not look like one is not
                List<String> methods = new ArrayList<>();
                explanations.fieldNames().forEachRemaining(name -> {
                    if (name.matches("[A-Za-z_]{1,40}") && methods.size() < 5) {
                        methods.add(name);
                    }
                });
                findings.add(Finding.of(Area.ETHICAL, "EXPLAINABILITY", FindingLevel.PASS, "feature attributions ("
                        + (methods.isEmpty() ? explanations.size() + " methods" : String.join(", ", methods))
                        + ") attached: " + uri));
            }
        } catch (IOException e) {
            findings.add(Finding.of(Area.ETHICAL, "EXPLAINABILITY", missing, "explainability report " + uri
                    + " could not be read: " + e.getMessage()));
        }
    }

    private void drift(ModelVersion version, RiskTier tier, List<Finding> findings) {
        String reference = version.validation().referenceDatasetUri();
        String current = version.validation().currentDatasetUri();
        if (reference == null || current == null) {
            findings.add(Finding.of(Area.MONITORING, "DRIFT", FindingLevel.WARN, "drift not measured: the version"
                    + " needs both referenceDatasetUri and currentDatasetUri"));
            return;
        }
        EvidenceReport report;
        try {
            report = evidence.createForLifecycle(new NewReport(ReportKind.DRIFT,
                    Map.of("reference", datasets.upload("reference", reference), "current", datasets.upload("current", current)),
                    List.of(), version.modelId(), String.valueOf(version.number())));
        } catch (InvalidInputException | DataLimitException e) {
            findings.add(Finding.of(Area.MONITORING, "DRIFT", FindingLevel.FAIL,
                    "drift could not be computed: " + e.getMessage()));
            return;
        }
        String reportId = report.summary().id();
        List<Threshold> bounds = policy.thresholds(tier, "PSI");
        int before = findings.size();
        for (JsonNode feature : readTree(report.reportJson()).path("features")) {
            JsonNode psi = feature.path("psi");
            if (!psi.isNumber()) {
                continue;
            }
            Finding f = checked(Area.MONITORING, "PSI:" + feature.path("name").asText(), psi.doubleValue(), bounds,
                    reportId, String.format("PSI %.4f on %s", psi.doubleValue(), feature.path("name").asText()));
            if (f.level() != FindingLevel.PASS) {
                findings.add(f);
            }
        }
        if (findings.size() == before) {
            findings.add(new Finding(Area.MONITORING, "DRIFT", FindingLevel.PASS, "no feature drifted beyond the"
                    + " PSI bounds", null, reportId));
        }
    }

    private void incidentsSinceLastReview(ModelVersion version, CheckRun run, List<Finding> findings) {
        Instant since = runs.runs(version.id()).stream().filter(r -> !r.id().equals(run.id()))
                .map(CheckRun::startedAt).findFirst().orElse(version.createdAt());
        long incidents = auditLog.forModel(version.modelId()).stream()
                .filter(e -> e.action().equals("INCIDENT_REPORTED") && e.occurredAt().isAfter(since)).count();
        findings.add(new Finding(Area.MONITORING, "INCIDENTS", incidents == 0 ? FindingLevel.PASS : FindingLevel.WARN,
                incidents + " incident(s) reported since " + since, (double) incidents, null));
    }

    // ---- helpers ----

    private static Finding checked(Area area, String check, double value, List<Threshold> bounds, String reportId,
                                   String measured) {
        // every bound the value was held to is recorded with the finding, so a reviewer sees the threshold that
        // applied when the round ran, not whatever the policy says on the day they read it
        String threshold = bounds.isEmpty() ? "no bound at this tier"
                : bounds.stream().map(Threshold::describeWithLevel).collect(Collectors.joining(", "));
        return new Finding(area, check, Threshold.levelOf(value, bounds),
                measured + Finding.THRESHOLD_SEPARATOR + threshold, value, reportId);
    }

    private boolean requireInputs(ModelVersion version, Area area, String data, String config, List<Finding> findings) {
        if (data == null || config == null) {
            findings.add(Finding.of(area, "INPUTS", FindingLevel.FAIL, version.id() + " needs "
                    + (data == null ? "an evaluation dataset (evaluationDatasetUri)" : "")
                    + (data == null && config == null ? " and " : "")
                    + (config == null ? "an analysis config (analysisConfigUri)" : "")));
            return false;
        }
        return true;
    }

    /** The previous approved version's validated performance. */
    private Double baselineFor(ModelVersion version) {
        return inventory.previousApprovedVersion(version.id()).flatMap(v -> validatedPerformance(v.id())).orElse(null);
    }

    /** The performance measured in the version's last passed validation round. */
    private Optional<Double> validatedPerformance(String versionId) {
        return runs.runs(versionId).stream()
                .filter(r -> r.purpose() == CheckRun.Purpose.VALIDATION && "PASSED".equals(r.outcome()))
                .findFirst()
                .flatMap(r -> runs.findings(r.id()).stream()
                        .filter(f -> f.check().equals(CHECK_PERFORMANCE) && f.metricValue() != null)
                        .map(Finding::metricValue).findFirst());
    }

    private static double overall(String performanceJson, String metric) {
        JsonNode value = readTree(performanceJson).path("overall").path(metric);
        return value.isNumber() ? value.doubleValue() : Double.NaN;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored report is not JSON", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
