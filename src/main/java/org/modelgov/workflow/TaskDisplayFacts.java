package org.modelgov.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.modelgov.abtest.AbTest;
import org.modelgov.abtest.ChallengerStage;
import org.modelgov.abtest.ComparisonJson;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentRepository;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelRepository;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.review.ReviewService;
import org.modelgov.risk.RiskQuestionnaire;
import org.modelgov.risk.RiskTierPolicy;
import org.modelgov.validation.Area;
import org.modelgov.validation.CheckRun;
import org.modelgov.validation.Finding;
import org.modelgov.validation.FindingLevel;
import org.modelgov.validation.PersonalDataScans;
import org.modelgov.validation.ValidationPolicy;
import org.modelgov.validation.ValidationService;
import org.springframework.stereotype.Component;

/**
 * The facts a person needs to take a governed task, read from ModelGov's own records (inventory, recorded
 * decisions, check runs and their findings, incidents) when the task is created. They become task-local variables
 * that the forms show in disabled fields and text components, and Tasklist's cards list; nobody but the engine
 * writes them, so they cannot be forged, and they are computed afresh for every task, so they are current.
 */
@Component
class TaskDisplayFacts {

    /** Shown on every governed task's card: the Tasklist filters list these (see GovernanceIdentitySetup). */
    static final String MODEL_NAME = "modelName";
    static final String MODEL_VERSION = "modelVersion";
    static final String RISK_TIER = "riskTier";
    static final String VERSION_AND_TIER = "versionAndTier";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INCIDENT_TASKS = List.of("Task_Triage", "Task_Investigate", "Task_Remediate",
            "Task_FileRegulatoryReport", "Task_PostIncidentReview");
    private static final String ATTESTATION_TASK = "Task_AttestInventoryRecord";

    private final InventoryService inventory;
    private final ReviewService reviews;
    private final ValidationService validation;
    private final ValidationPolicy policy;
    private final RiskTierPolicy riskTiers;
    private final ModelRepository models;
    private final IncidentRepository incidents;
    private final PersonalDataScans personalData;
    private final ChallengerStage challengerStage;
    private final org.modelgov.evidence.EvidenceService evidence;
    private final QuestionLabels questions = QuestionLabels.load("risk-questionnaire.form");

    TaskDisplayFacts(InventoryService inventory, ReviewService reviews, ValidationService validation,
                     ValidationPolicy policy, RiskTierPolicy riskTiers, ModelRepository models,
                     IncidentRepository incidents, PersonalDataScans personalData, ChallengerStage challengerStage,
                     org.modelgov.evidence.EvidenceService evidence) {
        this.evidence = evidence;
        this.personalData = personalData;
        this.challengerStage = challengerStage;
        this.inventory = inventory;
        this.models = models;
        this.reviews = reviews;
        this.validation = validation;
        this.policy = policy;
        this.riskTiers = riskTiers;
        this.incidents = incidents;
    }

    /** What the task is about, for its description and its card. */
    record Subject(Model model, ModelVersion version, String tier, Incident incident) {

        Map<String, String> placeholders() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("model", model.name());
            p.put("modelId", model.id());
            p.put("versionId", version == null ? null : version.id());
            p.put("version", version == null ? null : String.valueOf(version.number()));
            p.put("tier", tier);
            p.put("incident", incident == null ? null : incident.id());
            return p;
        }
    }

    /**
     * The model, version and tier a task is about, from its process's business key (a lifecycle's version id, an
     * incident id, an attested model's id); empty when the key names nothing ModelGov knows.
     */
    Optional<Subject> subject(String taskKey, String businessKey) {
        if (businessKey == null || businessKey.isBlank()) {
            return Optional.empty();
        }
        if (INCIDENT_TASKS.contains(taskKey)) {
            return incidents.find(businessKey).flatMap(incident -> model(incident.modelId()).map(model -> {
                ModelVersion version = incident.versionId() == null ? null
                        : versionOf(incident.versionId()).orElse(null);
                return new Subject(model, version, tierOf(model, version), incident);
            }));
        }
        if (ATTESTATION_TASK.equals(taskKey) || businessKey.indexOf(':') < 0) {
            return model(businessKey).map(model -> {
                ModelVersion serving = inventory.servingVersion(model.id()).orElse(null);
                return new Subject(model, serving, tierOf(model, serving), null);
            });
        }
        return versionOf(businessKey).flatMap(version -> model(version.modelId())
                .map(model -> new Subject(model, version, tierOf(model, version), null)));
    }

    /**
     * Task-local display variables for the task: model, version and tier on every governed task, and what the
     * task's decision needs on the review tasks. {@code runIds} are the check runs the process names
     * ({@code validationRunId}, {@code reassessmentRunId}); a run is used only when it is a run of this version.
     */
    Map<String, Object> facts(String taskKey, Subject subject, Map<String, String> runIds) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(MODEL_NAME, subject.model().name());
        v.put(MODEL_VERSION, subject.version() == null ? "—" : "v" + subject.version().number());
        v.put(RISK_TIER, subject.tier());
        v.put(VERSION_AND_TIER, (subject.version() == null ? "" : "v" + subject.version().number() + ", ")
                + "tier " + subject.tier());
        if (subject.version() == null || subject.incident() != null) {
            return v;
        }
        ModelVersion version = subject.version();
        Optional<CheckRun> validationRun = runOf(version, runIds.get("validationRunId"));
        switch (taskKey) {
            case "Task_ReviewRiskTier" -> riskReview(version, v);
            case "Task_ReviewTechnicalValidation" -> validationRun.ifPresent(run -> {
                v.put("findingsTable", findingsTable(subject, run, Set.of(Area.TECHNICAL)));
                v.put("evidenceLinks", evidenceLinks(subject, run, Set.of(Area.TECHNICAL)));
            });
            case "Task_ReviewEthics" -> validationRun.ifPresent(run -> {
                v.put("findingsTable", findingsTable(subject, run, Set.of(Area.ETHICAL)));
                v.put("evidenceLinks", evidenceLinks(subject, run, Set.of(Area.ETHICAL)));
            });
            case "Task_ConfirmBusinessFitness" -> businessReview(subject, validationRun, v);
            case "Task_SignOff" -> {
                validationRun.ifPresent(run -> signOff(subject, run, v));
                abComparison(version).ifPresent(text -> v.put("abComparison", text));
            }
            case "Task_RemediateFindings", "Task_DecideAfterRepeatedFailures" -> {
                validationRun.ifPresent(run -> {
                    v.put("findingsTable", findingsTable(subject, run, Set.of(Area.values())));
                    v.put("evidenceLinks", evidenceLinks(subject, run, Set.of(Area.values())));
                });
                abComparison(version).ifPresent(text -> v.put("abComparison", text));
            }
            case "Task_DecideReassessment" -> runOf(version, runIds.get("reassessmentRunId")).ifPresent(run -> {
                v.put("findingsTable", findingsTable(subject, run, Set.of(Area.values())));
                v.put("evidenceLinks", evidenceLinks(subject, run, Set.of(Area.values())));
            });
            default -> {
                // the card facts are all this task needs
            }
        }
        return v;
    }

    // ---- per task ----

    /** The owner's answers in the questionnaire's own words, their notes, and the policy's suggestion and rule. */
    private void riskReview(ModelVersion version, Map<String, Object> v) {
        ReviewDecision answered = reviews.latest(version.id(), ReviewKind.RISK_QUESTIONNAIRE);
        if (answered == null) {
            return;
        }
        RiskQuestionnaire answers = RiskQuestionnaire.from(answered.details());
        // a list, not a table: the questions are long and Tasklist's form panel is narrow
        List<String> lines = new ArrayList<>();
        answers.asMap().forEach((field, value) -> lines.add("- " + MarkdownText.escape(questions.question(field))
                + ": **" + MarkdownText.escape(questions.answer(field, value)) + "**"));
        v.put("questionnaireAnswers", String.join("\n", lines));
        v.put("ownerRiskNotes", answered.comment() == null ? "(no notes)" : answered.comment());
        v.put("answeredBy", answered.actor() + " on " + java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(answered.decidedAt()));
        RiskTierPolicy.Suggestion suggestion = riskTiers.suggest(answers);
        v.put("suggestedRiskTier", suggestion.tier().name());
        v.put("riskTierReason", suggestion.reason());
        v.put("personalDataScan", personalDataScan(version, answers.personalData()));
    }

    /**
     * The version's datasets scanned now, so the risk officer sees special-category data before confirming a tier:
     * which columns hold it and how they were recognised, never a value. A dataset that cannot be read is said so
     * here (technical validation fails on it later); it never stops the task.
     */
    private String personalDataScan(ModelVersion version, String declared) {
        Optional<PersonalDataScans.Scan> scanned;
        try {
            scanned = personalData.scanForLifecycle(version);
        } catch (org.modelgov.common.InvalidInputException | org.modelgov.evidence.DataLimitException e) {
            return "The datasets could not be scanned: " + MarkdownText.escape(e.getMessage());
        }
        if (scanned.isEmpty()) {
            return "Not scanned: the version names no evaluation dataset.";
        }
        PersonalDataScans.Scan scan = scanned.get();
        List<String> special = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (PersonalDataScans.ColumnFinding f : scan.findings()) {
            String line = "- " + MarkdownText.escape("column '" + f.column() + "' of " + f.file() + " (" + f.label()
                    + ", " + f.rows() + " rows, " + f.detectedBy().label() + ")");
            (f.specialCategory() ? special : personal).add(line);
        }
        StringBuilder text = new StringBuilder();
        text.append(special.isEmpty() ? "No special-category data found" : "**Special-category data found** (GDPR Art. 9):")
                .append(special.isEmpty() ? "" : "\n" + String.join("\n", special));
        text.append(special.isEmpty() ? "; " : "\n\n");
        text.append(personal.isEmpty() ? "no other personal data found" : "personal data found:\n"
                + String.join("\n", personal));
        text.append("\n\n").append(scan.datasets()).append(" dataset(s) scanned; the owner declared **")
                .append(MarkdownText.escape(questions.answer("personalData", declared))).append("**. ")
                .append(MarkdownText.link("Personal-data report", "/reports/" + scan.reportId()));
        return text.toString();
    }

    private void businessReview(Subject subject, Optional<CheckRun> run, Map<String, Object> v) {
        Model model = subject.model();
        v.put("modelPurpose", orNone(model.purpose()));
        v.put("intendedUse", orNone(model.intendedUse()));
        List<String> limits = new ArrayList<>();
        ReviewDecision answered = reviews.latest(subject.version().id(), ReviewKind.RISK_QUESTIONNAIRE);
        if (answered != null && answered.comment() != null) {
            limits.add("Owner's notes on risk: " + answered.comment());
        }
        if (subject.version().description() != null && !subject.version().description().isBlank()) {
            limits.add("Version notes: " + subject.version().description());
        }
        run.ifPresent(r -> validation.findings(r.id()).stream()
                .filter(f -> f.level() == FindingLevel.WARN || f.level() == FindingLevel.FAIL)
                .forEach(f -> limits.add(f.level() + " " + f.check() + ": " + f.measured()
                        + f.threshold().map(t -> " (threshold " + t + ")").orElse(""))));
        v.put("limitations", limits.isEmpty() ? "None recorded: no owner notes and no warning in the validation"
                + " checks." : String.join("\n", limits));
        run.ifPresent(r -> {
            List<Finding> performance = validation.findings(r.id()).stream()
                    .filter(f -> f.check().startsWith("PERFORMANCE")).toList();
            v.put("performanceSummary", performance.isEmpty()
                    ? "No performance was measured in this validation round."
                    : findingsTable(subject, performance));
            v.put("evidenceLinks", evidenceLinks(subject, r, Set.of(Area.TECHNICAL)));
        });
    }

    /** The risk decision and why, every reviewer's decision this round, and how many sign-offs are given. */
    private void signOff(Subject subject, CheckRun run, Map<String, Object> v) {
        String versionId = subject.version().id();
        reviews.recordedTier(versionId).ifPresent(tier -> {
            v.put("riskDecision", tier.tier() + ", decided by " + tier.decidedBy());
            v.put("riskJustification", orNone(tier.reason()));
        });
        List<List<String>> rows = new ArrayList<>();
        for (ReviewKind kind : List.of(ReviewKind.TECHNICAL_VALIDATION, ReviewKind.ETHICAL_VALIDATION,
                ReviewKind.BUSINESS_VALIDATION, ReviewKind.SIGN_OFF)) {
            for (ReviewDecision d : reviews.decisions(versionId, kind, run.id())) {
                rows.add(List.of(reviewName(kind), MarkdownText.escape(d.actor()), "**" + d.decision() + "**",
                        d.comment() == null ? "—" : MarkdownText.escape(d.comment())));
            }
        }
        v.put("reviewerDecisions", rows.isEmpty() ? "No reviewer has decided in this round."
                : MarkdownText.table(List.of("Review", "Reviewer", "Decision", "Notes"), rows));
        RiskTier tier = run.riskTier();
        int required = policy.governance(tier).requiredApprovals();
        Set<String> approvers = reviews.approvers(versionId, run.id());
        v.put("signOffProgress", approvers.size() + " of " + required + " sign-offs given"
                + (approvers.isEmpty() ? "" : " (by " + String.join(", ", approvers) + ")"));
        v.put("findingsTable", findingsTable(subject, run, Set.of(Area.TECHNICAL, Area.ETHICAL, Area.BUSINESS)));
        v.put("evidenceLinks", evidenceLinks(subject, run, Set.of(Area.values())));
    }

    /**
     * The A/B test that last sent the version back (failed, inconclusive or stopped): its outcome and why, each
     * metric's verdict, and the comparison's report. Empty when no A/B test sent it back (the form hides the part).
     */
    private Optional<String> abComparison(ModelVersion version) {
        return challengerStage.sentBack(version.id()).map(test -> abComparisonText(test)
                + (test.evidenceReportId() == null ? "" : "\n\n" + metricVerdicts(evidence.get(test.evidenceReportId())
                .reportJson())));
    }

    /** Each metric's verdict from the stored comparison, as a table narrow enough for Tasklist's form panel. */
    static String metricVerdicts(String comparisonJson) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode m : ComparisonJson.read(comparisonJson).path("metrics")) {
            rows.add(List.of(MarkdownText.escape(m.path("metric").asText()), "**" + m.path("verdict").asText() + "**",
                    m.path("relativeChange").isNumber() ? String.format(java.util.Locale.ROOT, "%+.1f %%",
                            m.path("relativeChange").asDouble() * 100) : "—",
                    MarkdownText.escape(m.path("reason").asText())));
        }
        return rows.isEmpty() ? "No metric was compared." : MarkdownText.table(List.of("Metric", "Verdict",
                "Change", "Why"), rows);
    }

    static String abComparisonText(AbTest test) {
        StringBuilder text = new StringBuilder();
        text.append("The last A/B test (challenger ").append(MarkdownText.escape(String.valueOf(test.challengerVariant())))
                .append(" against champion ").append(MarkdownText.escape(String.valueOf(test.championVariant())))
                .append(" on ").append(MarkdownText.escape(String.valueOf(test.endpointName()))).append(") ended **")
                .append(test.outcome()).append("**: ").append(MarkdownText.escape(orNone(test.outcomeReason())));
        if (test.stoppedBy() != null) {
            text.append("\n\nStopped by ").append(MarkdownText.escape(test.stoppedBy())).append(": ")
                    .append(MarkdownText.escape(test.stopReason()));
        }
        if (test.evidenceReportId() != null) {
            text.append("\n\n").append(MarkdownText.link("A/B comparison report", "/reports/"
                    + test.evidenceReportId()));
        }
        return text.toString();
    }

    // ---- findings and evidence ----

    private String findingsTable(Subject subject, CheckRun run, Set<Area> areas) {
        List<Finding> shown = validation.findings(run.id()).stream()
                .filter(f -> areas.contains(f.area()) && !f.check().equals("REVIEW")).toList();
        if (shown.isEmpty()) {
            return "No automated finding in this round.";
        }
        return "Round " + run.round() + " at tier " + run.riskTier() + ", thresholds as recorded when it ran.\n\n"
                + findingsTable(subject, shown);
    }

    /**
     * Measured findings as a table (check, value, threshold, verdict, evidence); the others, which found something
     * without measuring it (a control in place, a missing input), as a list beneath it, so the table stays narrow
     * enough for Tasklist's form panel.
     */
    private String findingsTable(Subject subject, List<Finding> findings) {
        List<List<String>> rows = new ArrayList<>();
        List<String> others = new ArrayList<>();
        findings.stream().sorted(java.util.Comparator.comparing(Finding::level)).forEach(f -> {
            if (f.metricValue() != null) {
                rows.add(List.of(MarkdownText.escape(f.check())
                                + metricOf(f).map(m -> " (" + MarkdownText.escape(m) + ")").orElse(""),
                        MarkdownText.escape(String.format("%.4f", f.metricValue())),
                        MarkdownText.escape(f.threshold().orElse("—")), "**" + f.level() + "**",
                        evidenceLink(subject, f)));
            } else {
                String evidence = evidenceLink(subject, f);
                others.add("- **" + f.level() + "** " + MarkdownText.escape(f.check()) + ": "
                        + MarkdownText.escape(shownText(f)) + (evidence.equals("—") ? "" : " (" + evidence + ")"));
            }
        });
        String table = rows.isEmpty() ? "" : MarkdownText.table(List.of("Check", "Value", "Threshold", "Verdict",
                "Evidence"), rows);
        return table + (others.isEmpty() ? "" : (table.isEmpty() ? "" : "\n") + String.join("\n", others));
    }

    /** The metric a measured finding names when its check does not ({@code PERFORMANCE}: accuracy). */
    private static Optional<String> metricOf(Finding f) {
        String first = shownText(f).split(" ", 2)[0];
        java.util.Locale root = java.util.Locale.ROOT;
        boolean named = f.check().toLowerCase(root).startsWith(first.toLowerCase(root));
        return first.matches("[A-Za-z_]{2,40}") && !named ? Optional.of(first) : Optional.empty();
    }

    /** A finding's words without server paths: evidence is reached by its link. */
    private static String shownText(Finding f) {
        String text = f.measured();
        int attached = text.indexOf(" attached: ");
        if (f.check().equals("EXPLAINABILITY") && attached >= 0) {
            return text.substring(0, attached + " attached".length());
        }
        int on = text.indexOf(" on file:");
        return on >= 0 ? text.substring(0, on) : text;
    }

    private static String evidenceLink(Subject subject, Finding f) {
        if (f.evidenceReportId() != null) {
            return MarkdownText.link(reportName(f) + " report", "/reports/" + f.evidenceReportId());
        }
        if (f.check().equals("EXPLAINABILITY") && f.level() == FindingLevel.PASS) {
            return MarkdownText.link("Explainability", explainabilityPath(subject));
        }
        return "—";
    }

    /** Every report behind the findings of the areas, and the explainability evidence when the version has it. */
    private String evidenceLinks(Subject subject, CheckRun run, Set<Area> areas) {
        Set<String> links = new LinkedHashSet<>();
        for (Finding f : validation.findings(run.id())) {
            if (areas.contains(f.area()) && f.evidenceReportId() != null) {
                links.add("- " + MarkdownText.link(reportName(f) + " report " + f.evidenceReportId(),
                        "/reports/" + f.evidenceReportId()));
            }
        }
        if (areas.contains(Area.ETHICAL) && subject.version().validation().explainabilityReportUri() != null) {
            links.add("- " + MarkdownText.link("Explainability evidence (feature importance)",
                    explainabilityPath(subject)));
        }
        return links.isEmpty() ? "No evidence report in this round." : String.join("\n", links);
    }

    private static String explainabilityPath(Subject subject) {
        return "/models/" + subject.model().id() + "/versions/" + subject.version().number() + "/explainability";
    }

    private static String reportName(Finding f) {
        String check = f.check();
        if (check.startsWith("PERFORMANCE")) {
            return "Performance";
        }
        if (check.startsWith("PSI") || check.startsWith("DRIFT")) {
            return "Drift";
        }
        if (check.equals("PERSONAL_DATA")) {
            return "Personal-data";
        }
        if (check.startsWith("DI") || check.startsWith("DPPL") || check.startsWith("IMPACT_RATIO")
                || check.startsWith("BIAS")) {
            return "Bias";
        }
        return "Evidence";
    }

    private static String reviewName(ReviewKind kind) {
        return switch (kind) {
            case TECHNICAL_VALIDATION -> "Technical";
            case ETHICAL_VALIDATION -> "Ethics and fairness";
            case BUSINESS_VALIDATION -> "Business fitness";
            case SIGN_OFF -> "Sign-off";
            default -> kind.name();
        };
    }

    // ---- reading the domain: a key that names nothing yields nothing (the services' refusals would roll back
    // the engine's transaction) ----

    private Optional<Model> model(String modelId) {
        return modelId == null ? Optional.empty() : models.find(modelId);
    }

    private Optional<ModelVersion> versionOf(String versionId) {
        return models.version(versionId);
    }

    private Optional<CheckRun> runOf(ModelVersion version, String runId) {
        if (runId == null) {
            return Optional.empty();
        }
        return validation.runs(version.id()).stream().filter(r -> r.id().equals(runId)).findFirst();
    }

    /** The tier the version's risk assessment recorded, else the model's, else UNASSESSED. */
    private String tierOf(Model model, ModelVersion version) {
        if (version != null) {
            Optional<ReviewService.TierDecision> recorded = reviews.recordedTier(version.id());
            if (recorded.isPresent()) {
                return recorded.get().tier().name();
            }
        }
        return model.riskTier() == null ? "UNASSESSED" : model.riskTier().name();
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "(not recorded)" : text;
    }

    /** The questionnaire's questions and answers in the words of its form, for the risk officer. */
    record QuestionLabels(Map<String, String> questions, Map<String, Map<String, String>> answers) {

        static QuestionLabels load(String form) {
            Map<String, String> questions = new LinkedHashMap<>();
            Map<String, Map<String, String>> answers = new LinkedHashMap<>();
            try (InputStream in = TaskDisplayFacts.class.getClassLoader().getResourceAsStream(form)) {
                if (in != null) {
                    for (JsonNode c : JSON.readTree(in).path("components")) {
                        if (!c.hasNonNull("key") || !c.hasNonNull("label")) {
                            continue;
                        }
                        questions.put(c.get("key").asText(), c.get("label").asText());
                        Map<String, String> options = new LinkedHashMap<>();
                        c.path("values").forEach(o -> options.put(o.path("value").asText(), o.path("label").asText()));
                        answers.put(c.get("key").asText(), options);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new QuestionLabels(questions, answers);
        }

        String question(String field) {
            return questions.getOrDefault(field, field);
        }

        String answer(String field, Object value) {
            if (value == null) {
                return "(not answered)";
            }
            if (value instanceof Boolean b) {
                return b ? "Yes" : "No";
            }
            return answers.getOrDefault(field, Map.of()).getOrDefault(value.toString(), value.toString());
        }
    }
}
