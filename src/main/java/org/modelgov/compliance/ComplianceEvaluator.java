package org.modelgov.compliance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.modelgov.compliance.ComplianceReport.Evidence;
import org.modelgov.compliance.ComplianceReport.Item;
import org.modelgov.compliance.ComplianceReport.Link;
import org.modelgov.compliance.ComplianceReport.Status;
import org.modelgov.evidence.ReportKind;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.incident.Incident;
import org.modelgov.inventory.RiskTier;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewKind;
import org.modelgov.validation.Finding;
import org.modelgov.validation.FindingLevel;

/**
 * Measures one model's facts against the frameworks on a given day. Plain Java: no database, no Spring; links
 * are paths inside ModelGov ({@code /reports/{id}}, {@code /models/{id}#decisions}, {@code /audit?...},
 * {@code /incidents/{id}}).
 */
public final class ComplianceEvaluator {

    /** Decisions that say no: they are evidence of a review, not of a requirement met. */
    private static final Set<String> REFUSALS = Set.of("REJECTED", "REJECT", "RETIRE");

    private ComplianceEvaluator() {
    }

    public static ComplianceReport evaluate(List<Framework> frameworks, ModelFacts facts, LocalDate today,
                                            Instant now, String location) {
        List<Item> items = new ArrayList<>();
        List<ComplianceReport.FrameworkUsed> used = new ArrayList<>();
        for (Framework f : frameworks) {
            used.add(new ComplianceReport.FrameworkUsed(f.id(), f.title(), f.fileVersion(), f.fileName(), f.sha256(),
                    f.sourceDocument(), location));
            for (Requirement r : f.requirements()) {
                items.add(item(f, r, facts, today, now));
            }
        }
        // gaps first (overdue before missing), then met, then not applicable; frameworks keep their order within
        List<Item> sorted = items.stream().sorted(Comparator.comparing(Item::status)).toList();
        ComplianceReport.Summary summary = new ComplianceReport.Summary(count(items, Status.OVERDUE),
                count(items, Status.MISSING), count(items, Status.MET), count(items, Status.NOT_APPLICABLE));
        return new ComplianceReport(facts.modelId(), facts.modelName(), today, now, facts.tier().name(),
                facts.useArea(), facts.versionNumber(), facts.scope(), used, summary, sorted);
    }

    private static int count(List<Item> items, Status status) {
        return (int) items.stream().filter(i -> i.status() == status).count();
    }

    static Item item(Framework f, Requirement r, ModelFacts facts, LocalDate today, Instant now) {
        String notApplicable = notApplicable(f, r, facts, today);
        if (notApplicable != null) {
            return new Item(f.id(), f.title(), r.id(), r.title(), r.reference(), Status.NOT_APPLICABLE, notApplicable,
                    null, List.of());
        }
        List<Evidence> evidence = r.evidence().stream().map(ref -> check(ref, facts, today, now)).toList();
        Status status;
        if (r.needsAll()) {
            status = evidence.stream().anyMatch(e -> e.status() == Status.OVERDUE) ? Status.OVERDUE
                    : evidence.stream().anyMatch(e -> e.status() == Status.MISSING) ? Status.MISSING : Status.MET;
        } else {
            status = evidence.stream().anyMatch(e -> e.status() == Status.MET) ? Status.MET
                    : evidence.stream().anyMatch(e -> e.status() == Status.OVERDUE) ? Status.OVERDUE : Status.MISSING;
        }
        String reason = switch (status) {
            case MET -> r.needsAll() ? "every piece of evidence is in place" : "one of the accepted pieces of evidence is in place";
            case OVERDUE -> "overdue: " + String.join("; ", evidence.stream().filter(e -> e.status() == Status.OVERDUE)
                    .map(e -> e.ref() + " — " + e.detail()).toList());
            default -> "missing: " + String.join("; ", evidence.stream().filter(e -> e.status() != Status.MET)
                    .map(e -> e.ref() + " — " + e.detail()).toList());
        };
        return new Item(f.id(), f.title(), r.id(), r.title(), r.reference(), status, reason,
                r.needsAll() ? "all" : "any", evidence);
    }

    /** Why the requirement does not apply to the model today, or null when it does. */
    static String notApplicable(Framework f, Requirement r, ModelFacts facts, LocalDate today) {
        if (!facts.scope().covers(f.scope())) {
            return "the model is not scoped to " + ComplianceScope.describe(f.scope())
                    + (facts.scope().decided() ? " (compliance scope set by " + facts.scope().updatedBy() + ")"
                    : " (default scope: no compliance officer has set it)");
        }
        if (r.outsideModelGov() != null) {
            return "evidenced outside ModelGov: " + r.outsideModelGov();
        }
        if (!r.tiers().isEmpty()) {
            String tiers = String.join(", ", new TreeSet<>(r.tiers().stream().map(RiskTier::name).toList()));
            if (facts.tier() == RiskTier.UNASSESSED) {
                return "applies to " + tiers + " models; this model's risk tier is not confirmed yet";
            }
            if (!r.tiers().contains(facts.tier())) {
                return "applies to " + tiers + " models; this model is " + facts.tier();
            }
        }
        if (!r.useAreas().isEmpty()) {
            if (facts.useArea() == null) {
                return "applies to use areas " + new TreeSet<>(r.useAreas()) + "; the risk questionnaire is not answered yet";
            }
            if (!r.useAreas().contains(facts.useArea())) {
                return "applies to use areas " + new TreeSet<>(r.useAreas()) + "; this model's is " + facts.useArea();
            }
        }
        String key = r.fromFor(facts.useArea());
        if (key != null && f.dateOf(key).isAfter(today)) {
            return "applies from " + f.dateOf(key) + " (" + f.dates().get(key).what() + ")";
        }
        return null;
    }

    static Evidence check(EvidenceRef ref, ModelFacts facts, LocalDate today, Instant now) {
        String model = "/models/" + path(facts.modelId());
        return switch (ref.kind()) {
            case DECISION -> decision(ref, ReviewKind.valueOf(ref.name()), facts, model);
            case REPORT -> report(ref, ReportKind.valueOf(ref.name()), facts, today);
            case FINDING -> finding(ref, facts, model);
            case SCHEDULE -> schedule(ref, facts, today, model);
            case CARD -> facts.cardFields().contains(ref.name())
                    ? new Evidence(ref.toString(), Status.MET, "the model card of version " + facts.versionNumber()
                    + " has " + ref.name(), List.of(new Link("Model card (version " + facts.versionNumber() + ")",
                    model + "/versions/" + facts.versionNumber() + "/card")))
                    : new Evidence(ref.toString(), Status.MISSING, facts.versionId() == null ? "no version registered"
                    : "the model card of version " + facts.versionNumber() + " has no " + ref.name(),
                    List.of(new Link("Versions and model cards", model + "#versions")));
            case INCIDENT -> incident(ref, facts, now);
            case AUDIT -> facts.auditActions().containsKey(ref.name())
                    ? new Evidence(ref.toString(), Status.MET, ref.name() + " recorded, latest "
                    + facts.auditActions().get(ref.name()).atOffset(ZoneOffset.UTC).toLocalDate(),
                    List.of(auditLink(facts.modelId(), ref.name())))
                    : new Evidence(ref.toString(), Status.MISSING, "no " + ref.name() + " event in the audit trail",
                    List.of(auditLink(facts.modelId(), null)));
            case TIER -> switch (facts.tier()) {
                case UNASSESSED -> new Evidence(ref.toString(), Status.MISSING, "the risk tier is not confirmed yet",
                        List.of(new Link("Decisions", model + "#decisions")));
                case PROHIBITED -> new Evidence(ref.toString(), Status.MISSING,
                        "the risk assessment found a prohibited practice: the model must not be used",
                        List.of(new Link("Decisions", model + "#decisions")));
                default -> new Evidence(ref.toString(), Status.MET, "confirmed tier " + facts.tier(),
                        List.of(auditLink(facts.modelId(), "RISK_TIER_RECORDED")));
            };
        };
    }

    private static Evidence decision(EvidenceRef ref, ReviewKind kind, ModelFacts facts, String model) {
        List<ReviewDecision> found = facts.decisions().stream().filter(d -> d.kind() == kind).toList();
        List<ReviewDecision> positive = found.stream().filter(d -> !REFUSALS.contains(d.decision())).toList();
        List<Link> links = List.of(new Link("Decisions on the model page", model + "#decisions"),
                auditLink(facts.modelId(), "REVIEW_DECIDED"));
        if (positive.isEmpty()) {
            String detail = facts.versionId() == null ? "no version registered"
                    : found.isEmpty() ? "no " + kind.name() + " decision on version " + facts.versionNumber()
                    : "version " + facts.versionNumber() + "'s " + kind.name() + " decision was "
                    + found.get(found.size() - 1).decision();
            return new Evidence(ref.toString(), Status.MISSING, detail, found.isEmpty() ? List.of() : links);
        }
        if (kind == ReviewKind.SIGN_OFF) {
            // four eyes: a HIGH model is signed off by two different committee members
            int needed = facts.tier() == RiskTier.HIGH ? 2 : 1;
            Set<String> approvers = new TreeSet<>(positive.stream().map(ReviewDecision::actor).toList());
            if (approvers.size() < needed) {
                return new Evidence(ref.toString(), Status.MISSING, approvers.size() + " of " + needed
                        + " sign-offs (by " + String.join(", ", approvers) + ")", links);
            }
            return new Evidence(ref.toString(), Status.MET, "signed off by " + String.join(", ", approvers), links);
        }
        ReviewDecision last = positive.get(positive.size() - 1);
        return new Evidence(ref.toString(), Status.MET, kind.name() + " " + last.decision() + " by " + last.actor()
                + " on " + last.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate(), links);
    }

    private static Evidence report(EvidenceRef ref, ReportKind kind, ModelFacts facts, LocalDate today) {
        ReportSummary latest = facts.reports().stream().filter(r -> r.kind() == kind)
                .max(Comparator.comparing(ReportSummary::createdAt)).orElse(null);
        if (latest == null) {
            return new Evidence(ref.toString(), Status.MISSING, "no " + kind.name() + " report for the model",
                    List.of());
        }
        LocalDate made = latest.createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
        Link link = new Link(kind.name() + " report of " + made, "/reports/" + path(latest.id()));
        if (ref.maxAge() != null && made.plus(ref.maxAge()).isBefore(today)) {
            return new Evidence(ref.toString(), Status.OVERDUE, "the latest " + kind.name() + " report (" + made
                    + ") is older than " + ref.maxAge(), List.of(link));
        }
        return new Evidence(ref.toString(), Status.MET, kind.name() + " report of " + made, List.of(link));
    }

    private static Evidence finding(EvidenceRef ref, ModelFacts facts, String model) {
        if (facts.validationRun() == null) {
            return new Evidence(ref.toString(), Status.MISSING, "no validation round has run", List.of());
        }
        String name = ref.name();
        List<Finding> found = facts.findings().stream().filter(f -> f.check().equals(name)
                || f.check().startsWith(name + ":") || f.check().startsWith(name + "=")).toList();
        String round = "validation round " + facts.validationRun().round() + " of version " + facts.versionNumber();
        List<Link> links = new ArrayList<>();
        found.stream().map(Finding::evidenceReportId).filter(id -> id != null).distinct().limit(3)
                .forEach(id -> links.add(new Link("Report " + id, "/reports/" + path(id))));
        links.add(new Link("Evidence on the model page", model + "#evidence"));
        if (found.isEmpty()) {
            return new Evidence(ref.toString(), Status.MISSING, "no " + name + " finding in " + round, List.of());
        }
        List<Finding> failed = found.stream().filter(f -> f.level() == FindingLevel.FAIL).toList();
        if (!failed.isEmpty()) {
            return new Evidence(ref.toString(), Status.MISSING, failed.size() + " " + name + " finding(s) failed in "
                    + round + ": " + failed.get(0).check(), links);
        }
        return new Evidence(ref.toString(), Status.MET, found.size() + " " + name + " finding(s) without failure in "
                + round, links);
    }

    private static Evidence schedule(EvidenceRef ref, ModelFacts facts, LocalDate today, String model) {
        List<Link> links = List.of(new Link("Next review on the model page", model + "#model-facts"),
                auditLink(facts.modelId(), "NEXT_REVIEW_SCHEDULED"));
        LocalDate due = facts.nextReviewDue();
        if (due == null) {
            return new Evidence(ref.toString(), Status.MISSING, "no reassessment scheduled", List.of());
        }
        if (due.isBefore(today)) {
            return new Evidence(ref.toString(), Status.OVERDUE, "reassessment was due " + due, links);
        }
        return new Evidence(ref.toString(), Status.MET, "next reassessment due " + due, links);
    }

    private static Evidence incident(EvidenceRef ref, ModelFacts facts, Instant now) {
        List<Incident> real = facts.incidents().stream().filter(i -> !i.exercise()).toList();
        List<Link> links = new ArrayList<>();
        if (ref.name().equals("REGULATORY_REPORT")) {
            List<Incident> reportable = real.stream().filter(i -> i.reportDueAt() != null).toList();
            if (reportable.isEmpty()) {
                return new Evidence(ref.toString(), Status.MET, "no incident of the model needs a regulatory report",
                        List.of(new Link("Incidents", "/models/" + path(facts.modelId()) + "#model-incidents")));
            }
            List<Incident> late = reportable.stream().filter(i -> i.reportFiledAt() == null
                    && i.reportDueAt().isBefore(now)).toList();
            List<Incident> pending = reportable.stream().filter(i -> i.reportFiledAt() == null
                    && !i.reportDueAt().isBefore(now)).toList();
            for (Incident i : reportable) {
                links.add(new Link("Incident " + i.id(), "/incidents/" + path(i.id())));
            }
            if (!late.isEmpty()) {
                return new Evidence(ref.toString(), Status.OVERDUE, "report for " + late.get(0).id() + " was due "
                        + late.get(0).reportDueAt() + " and is not filed", links);
            }
            if (!pending.isEmpty()) {
                return new Evidence(ref.toString(), Status.MISSING, "report for " + pending.get(0).id() + " due "
                        + pending.get(0).reportDueAt() + ", not filed yet", links);
            }
            return new Evidence(ref.toString(), Status.MET, reportable.size() + " regulatory report(s) filed", links);
        }
        List<Incident> closed = real.stream().filter(i -> !i.isOpen()).toList();
        if (closed.isEmpty()) {
            return new Evidence(ref.toString(), Status.MET, "no closed incident awaits a post-incident review",
                    List.of(new Link("Incidents", "/models/" + path(facts.modelId()) + "#model-incidents")));
        }
        List<Incident> unreviewed = closed.stream().filter(i -> i.lessonsLearned() == null).toList();
        for (Incident i : closed) {
            links.add(new Link("Incident " + i.id(), "/incidents/" + path(i.id())));
        }
        if (!unreviewed.isEmpty()) {
            return new Evidence(ref.toString(), Status.MISSING, unreviewed.get(0).id()
                    + " was closed without a post-incident review", links);
        }
        return new Evidence(ref.toString(), Status.MET, closed.size() + " closed incident(s) reviewed", links);
    }

    private static Link auditLink(String modelId, String action) {
        return new Link(action == null ? "Audit trail of the model" : "Audit trail: " + action,
                "/audit?modelId=" + query(modelId) + (action == null ? "" : "&action=" + query(action)));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String path(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
