package org.modelgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelgov.compliance.ComplianceReport.Item;
import org.modelgov.compliance.ComplianceReport.Status;
import org.modelgov.evidence.ReportKind;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentStatus;
import org.modelgov.incident.IncidentType;
import org.modelgov.inventory.RiskTier;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.validation.Area;
import org.modelgov.validation.CheckRun;
import org.modelgov.validation.Finding;
import org.modelgov.validation.FindingLevel;

/** The statuses and their reasons, on the bundled frameworks, without a database. */
class ComplianceEvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Instant NOW = TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
    private static final List<Framework> FRAMEWORKS = FrameworkCatalog.loadBundled();

    @Test
    void aHighModelWithOneSignOffOfTwoHasTheGapAndTwoSignOffsCloseIt() {
        List<ReviewDecision> decisions = new ArrayList<>(reviewed());
        decisions.add(decision(ReviewKind.SIGN_OFF, "APPROVE", "approver1"));
        ComplianceReport before = evaluate(facts(RiskTier.HIGH, decisions, TODAY.plusMonths(1), List.of(),
                ComplianceScope.defaults("M")));
        assertThat(evidence(item(before, "EU-AIA-ART43"), "decision:SIGN_OFF").detail())
                .isEqualTo("1 of 2 sign-offs (by approver1)");
        assertThat(item(before, "EU-AIA-ART43").status()).isEqualTo(Status.MISSING);

        decisions.add(decision(ReviewKind.SIGN_OFF, "APPROVE", "approver2"));
        ComplianceReport after = evaluate(facts(RiskTier.HIGH, decisions, TODAY.plusMonths(1), List.of(),
                ComplianceScope.defaults("M")));
        assertThat(item(after, "EU-AIA-ART43").status()).isEqualTo(Status.MET);
        assertThat(evidence(item(after, "EU-AIA-ART43"), "decision:SIGN_OFF").links())
                .anySatisfy(l -> assertThat(l.href()).isEqualTo("/models/M#decisions"));
    }

    @Test
    void aPastReviewDateIsOverdueAndGapsComeFirst() {
        ComplianceReport report = evaluate(facts(RiskTier.HIGH, reviewed(), TODAY.minusDays(3), List.of(),
                ComplianceScope.defaults("M")));

        Item art9 = item(report, "EU-AIA-ART9");
        assertThat(art9.status()).isEqualTo(Status.OVERDUE);
        assertThat(art9.reason()).contains("reassessment was due " + TODAY.minusDays(3));
        List<Status> order = report.requirements().stream().map(Item::status).toList();
        assertThat(order).isSortedAccordingTo(Enum::compareTo);
        assertThat(order.get(0)).isEqualTo(Status.OVERDUE);
        assertThat(report.summary().overdue()).isPositive();
    }

    @Test
    void notApplicableRulesSayWhy() {
        ComplianceReport medium = evaluate(facts(RiskTier.MEDIUM, reviewed(), TODAY.plusMonths(3), List.of(),
                ComplianceScope.defaults("M")));
        assertThat(item(medium, "LL144-BIAS-AUDIT").reason())
                .isEqualTo("the model is not scoped to NYC employment use (default scope: no compliance officer has set it)");
        assertThat(item(medium, "MRM-VALIDATION").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(item(medium, "EU-AIA-ART9").reason()).isEqualTo("applies to HIGH models; this model is MEDIUM");
        assertThat(item(medium, "EU-AIA-ART4").reason()).startsWith("evidenced outside ModelGov: ");
        assertThat(item(medium, "EU-AIA-ART6").status()).isEqualTo(Status.MET);

        ComplianceReport unassessed = evaluate(facts(RiskTier.UNASSESSED, List.of(), null, List.of(),
                ComplianceScope.defaults("M")));
        assertThat(item(unassessed, "EU-AIA-ART9").reason()).contains("risk tier is not confirmed yet");
        assertThat(item(unassessed, "EU-AIA-ART5").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void anAmendmentInForceMovesTheDateAndAProposalDoesNot() {
        Framework eu = FrameworkFilesTest.byId(FRAMEWORKS, "EU_AI_ACT");
        Framework.Amendment omnibus = eu.amendments().get(0);
        Framework amended = new Framework(eu.id(), eu.title(), eu.fileVersion(), eu.scope(), eu.sourceDocument(),
                eu.sourceDate(), eu.sourceUrl(), eu.dates(), List.of(new Framework.Amendment(omnibus.id(),
                omnibus.title(), omnibus.status(), true, omnibus.changes())), eu.requirements(), eu.fileName(),
                eu.sha256());
        ModelFacts high = facts(RiskTier.HIGH, reviewed(), TODAY.plusMonths(1), List.of(), ComplianceScope.defaults("M"));

        assertThat(item(ComplianceEvaluator.evaluate(List.of(eu), high, TODAY, NOW, "bundled"), "EU-AIA-ART9").status())
                .isEqualTo(Status.MET);
        assertThat(item(ComplianceEvaluator.evaluate(List.of(amended), high, TODAY, NOW, "bundled"), "EU-AIA-ART9")
                .reason()).startsWith("applies from 2027-12-02");
    }

    @Test
    void anNycEmploymentModelNeedsABiasAuditFromTheLastYear() {
        ComplianceScope nyc = new ComplianceScope("M", true, true, false, null, "compliance", NOW, true);
        ModelFacts fresh = facts(RiskTier.HIGH, reviewed(), TODAY.plusMonths(1), List.of(), nyc);
        assertThat(item(evaluate(fresh), "LL144-BIAS-AUDIT").status()).isEqualTo(Status.MET);
        assertThat(item(evaluate(fresh), "LL144-IR-SEX").status()).isEqualTo(Status.MET);
        assertThat(item(evaluate(fresh), "LL144-IR-RACE").status()).isEqualTo(Status.MISSING);

        ModelFacts stale = withReportAge(fresh, NOW.minusSeconds(400L * 24 * 3600));
        Item audit = item(evaluate(stale), "LL144-BIAS-AUDIT");
        assertThat(audit.status()).isEqualTo(Status.OVERDUE);
        assertThat(audit.reason()).contains("is older than P1Y");
    }

    @Test
    void anUnfiledSeriousIncidentReportPastItsDeadlineIsOverdue() {
        Incident late = incident(NOW.minusSeconds(3600), null);
        Item art73 = item(evaluate(facts(RiskTier.HIGH, reviewed(), TODAY.plusMonths(1), List.of(late),
                ComplianceScope.defaults("M"))), "EU-AIA-ART73");
        assertThat(art73.status()).isEqualTo(Status.OVERDUE);
        assertThat(art73.evidence().get(0).links()).anySatisfy(l -> assertThat(l.href()).isEqualTo("/incidents/INC-1"));

        Incident filed = incident(NOW.minusSeconds(3600), NOW.minusSeconds(7200));
        assertThat(item(evaluate(facts(RiskTier.HIGH, reviewed(), TODAY.plusMonths(1), List.of(filed),
                ComplianceScope.defaults("M"))), "EU-AIA-ART73").status()).isEqualTo(Status.MET);
    }

    private static ComplianceReport evaluate(ModelFacts facts) {
        return ComplianceEvaluator.evaluate(FRAMEWORKS, facts, TODAY, NOW, "bundled");
    }

    private static Item item(ComplianceReport report, String id) {
        return report.requirements().stream().filter(i -> i.requirementId().equals(id)).findFirst().orElseThrow();
    }

    private static ComplianceReport.Evidence evidence(Item item, String ref) {
        return item.evidence().stream().filter(e -> e.ref().equals(ref)).findFirst().orElseThrow();
    }

    private static List<ReviewDecision> reviewed() {
        return List.of(decision(ReviewKind.RISK_QUESTIONNAIRE, "ANSWERED", "owner"),
                decision(ReviewKind.RISK_TIER_REVIEW, "HIGH", "risk"),
                decision(ReviewKind.TECHNICAL_VALIDATION, "APPROVED", "validator"),
                decision(ReviewKind.ETHICAL_VALIDATION, "APPROVED", "ethics"),
                decision(ReviewKind.BUSINESS_VALIDATION, "APPROVED", "business"));
    }

    private static ReviewDecision decision(ReviewKind kind, String decision, String actor) {
        return new ReviewDecision(kind + actor, "M:1", kind, null, actor, decision, null, Map.of(), null,
                NOW.minusSeconds(86_400));
    }

    private static ModelFacts facts(RiskTier tier, List<ReviewDecision> decisions, LocalDate due,
                                    List<Incident> incidents, ComplianceScope scope) {
        CheckRun run = new CheckRun("run", "M:1", CheckRun.Purpose.VALIDATION, 1, tier, NOW, NOW, "PASSED");
        List<Finding> findings = List.of(
                new Finding(Area.TECHNICAL, "PERFORMANCE", FindingLevel.INFO, "auc 0.8", 0.8, "rep-perf"),
                new Finding(Area.TECHNICAL, "ENCRYPTION_AT_REST", FindingLevel.PASS, "in place", null, null),
                new Finding(Area.TECHNICAL, "NETWORK_ISOLATION", FindingLevel.PASS, "in place", null, null),
                new Finding(Area.TECHNICAL, "DATA_CAPTURE", FindingLevel.PASS, "in place", null, null),
                new Finding(Area.ETHICAL, "EXPLAINABILITY", FindingLevel.PASS, "shap", null, null),
                new Finding(Area.ETHICAL, "IMPACT_RATIO:sex=Female", FindingLevel.PASS, "0.9", 0.9, "rep-bias"));
        List<ReportSummary> reports = List.of(
                new ReportSummary("rep-bias", ReportKind.BIAS, "M", "M:1", "modelgov", NOW.minusSeconds(86_400), "x"),
                new ReportSummary("rep-perf", ReportKind.PERFORMANCE, "M", "M:1", "modelgov", NOW.minusSeconds(86_400), "x"),
                new ReportSummary("rep-pd", ReportKind.PERSONAL_DATA, "M", "M:1", "modelgov", NOW.minusSeconds(86_400), "x"));
        return new ModelFacts("M", "Model", tier, "ESSENTIAL_SERVICES", "M:1", 1, decisions, reports, run, findings,
                due, EvidenceVocabulary.CARD_FIELDS, incidents, Map.of("MODEL_VERSION_REGISTERED", NOW,
                "MODEL_VERSION_APPROVED", NOW, "REVIEW_DECIDED", NOW, "MODEL_REGISTERED", NOW), scope);
    }

    private static ModelFacts withReportAge(ModelFacts f, Instant createdAt) {
        List<ReportSummary> reports = f.reports().stream().map(r -> new ReportSummary(r.id(), r.kind(), r.modelId(),
                r.modelVersionId(), r.createdBy(), createdAt, r.reportSha256())).toList();
        return new ModelFacts(f.modelId(), f.modelName(), f.tier(), f.useArea(), f.versionId(), f.versionNumber(),
                f.decisions(), reports, f.validationRun(), f.findings(), f.nextReviewDue(), f.cardFields(),
                f.incidents(), f.auditActions(), f.scope());
    }

    private static Incident incident(Instant dueAt, Instant filedAt) {
        return new Incident("INC-1", "M", "M:1", IncidentType.values()[0], "d", "responder", "MANUAL", null, false,
                IncidentStatus.values()[0], null, true, null, "IN_PRODUCTION", null, null, null, null, null, null, 1,
                NOW.minusSeconds(86_400 * 20L), null, null, null, null, dueAt, filedAt, null, null, null);
    }

}
