package org.modelgov.workflow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.modelgov.incident.IncidentService;
import org.modelgov.incident.ReportIncident;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.validation.FindingLevel;
import org.modelgov.lifecycle.GovernanceSteps;
import org.modelgov.pipeline.TeamPipelines;
import org.modelgov.validation.Finding;
import org.modelgov.validation.ValidationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the lifecycle, validation and reassessment processes, by the bean names the BPMN
 * uses ({@code camunda:delegateExpression="${approveInRegistry}"}). Each reads variables, calls one
 * step of {@link GovernanceSteps} or {@link ValidationService}, and writes the result back.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleDelegates {

    private final GovernanceSteps steps;
    private final ValidationService validation;
    private final IncidentService incidents;
    private final TeamPipelines pipelines;

    LifecycleDelegates(GovernanceSteps steps, ValidationService validation, IncidentService incidents,
                       TeamPipelines pipelines) {
        this.steps = steps;
        this.validation = validation;
        this.incidents = incidents;
        this.pipelines = pipelines;
    }

    @Bean
    JavaDelegate openGovernanceRecords() {
        return execution -> steps.openGovernanceRecords(versionId(execution));
    }

    /** The tier comes from the recorded decisions; the process routes on it. */
    @Bean
    JavaDelegate recordRiskTier() {
        return execution -> execution.setVariable("riskTier", steps.recordRiskTier(versionId(execution)).name());
    }

    @Bean
    JavaDelegate decideRejection() {
        return execution -> steps.decideRejection(versionId(execution));
    }

    @Bean
    JavaDelegate startValidationRound() {
        return execution -> execution.setVariable("validationRunId", steps.startValidationRound(versionId(execution)));
    }

    @Bean
    JavaDelegate runTechnicalChecks() {
        return execution -> {
            checked(execution, validation.runTechnicalChecks(runId(execution)), "technicalSummary",
                    "performanceReportId");
            execution.setVariable("teamPipelineArn", pipelines.pipelineOf(versionId(execution)));
        };
    }

    @Bean
    JavaDelegate startTeamPipeline() {
        return execution -> execution.setVariable("pipelineExecution", pipelines.start(runId(execution)));
    }

    /** When the pipeline has ended its outcome is a finding; the technical summary then includes it. */
    @Bean
    JavaDelegate checkTeamPipeline() {
        return execution -> {
            boolean ended = pipelines.check(runId(execution), (String) execution.getVariable("pipelineExecution"));
            execution.setVariable("pipelineEnded", ended);
            if (ended) {
                execution.setVariable("technicalSummary", summary(validation.findings(runId(execution)).stream()
                        .filter(f -> f.area() == org.modelgov.validation.Area.TECHNICAL).toList()));
            }
        };
    }

    @Bean
    JavaDelegate runFairnessChecks() {
        return execution -> checked(execution, validation.runFairnessChecks(runId(execution)), "fairnessSummary",
                "biasReportId");
    }

    /** A reviewer's form shows the findings and the id of the report they come from. */
    private static void checked(DelegateExecution execution, List<Finding> findings, String summaryVariable,
                                String reportVariable) {
        execution.setVariable(summaryVariable, summary(findings));
        execution.setVariable(reportVariable, firstEvidence(findings));
    }

    /** Reviewers are asked only when the automated checks leave the round a chance to pass. */
    @Bean
    JavaDelegate assessAutomatedChecks() {
        return execution -> execution.setVariable("automatedChecksPassed",
                validation.automatedChecksPassed(runId(execution)));
    }

    @Bean
    JavaDelegate concludeValidation() {
        return execution -> {
            ValidationService.Outcome outcome = validation.conclude(runId(execution));
            execution.setVariable("validationPassed", outcome.passed());
            execution.setVariable("findingsSummary", outcome.summary());
            // counted from the recorded rounds: no variable decides when the risk officers must step in
            execution.setVariable("failedValidationRounds", steps.failedValidationRounds(versionId(execution)));
        };
    }

    @Bean
    JavaDelegate submitForSignOff() {
        return execution -> steps.submitForSignOff(versionId(execution), runId(execution));
    }

    @Bean
    JavaDelegate applyRemediation() {
        return execution -> steps.applyRemediation(versionId(execution));
    }

    @Bean
    JavaDelegate decideApproval() {
        return execution -> steps.decideApproval(versionId(execution), runId(execution));
    }

    // each decision is carried out by these steps, one change outside ModelGov each, the pipeline last
    @Bean
    JavaDelegate applyRegistryDecision() {
        return execution -> steps.applyRegistryDecision(versionId(execution));
    }

    @Bean
    JavaDelegate applyModelCardDecision() {
        return execution -> steps.applyModelCardDecision(versionId(execution));
    }

    @Bean
    JavaDelegate answerPipeline() {
        return execution -> steps.answerPipeline(versionId(execution));
    }

    @Bean
    JavaDelegate recordApproval() {
        return execution -> scheduled(execution, steps.recordApproval(versionId(execution), runId(execution),
                (String) execution.getVariable("reviewInterval")));
    }

    @Bean
    JavaDelegate scheduleNextReview() {
        return execution -> {
            String interval = (String) execution.getVariable("reviewInterval");
            scheduled(execution, steps.scheduleNextReview(versionId(execution), interval));
        };
    }

    @Bean
    JavaDelegate decideRetirement() {
        return execution -> steps.decideRetirement(versionId(execution),
                (String) execution.getVariable("retirementReason"),
                (String) execution.getVariable("retirementRequestedBy"));
    }

    @Bean
    JavaDelegate noteIncident() {
        return execution -> steps.noteIncident(versionId(execution), (String) execution.getVariable("incidentSummary"),
                (String) execution.getVariable("incidentReportedBy"));
    }

    @Bean
    JavaDelegate noteIncidentClosed() {
        return execution -> steps.noteIncidentClosed(versionId(execution), (String) execution.getVariable("closedIncident"));
    }

    @Bean
    JavaDelegate gatherMonitoringEvidence() {
        return execution -> {
            String runId = steps.startReassessment(versionId(execution));
            List<Finding> findings = validation.gatherMonitoringEvidence(runId);
            execution.setVariable("reassessmentRunId", runId);
            boolean breached = !validation.outcome(runId).passed();
            execution.setVariable("driftBreached", breached);
            if (breached) {
                // a breach is an incident too; while it is open, further breaches are occurrences of it
                String versionId = versionId(execution);
                incidents.report(new ReportIncident(ModelVersion.modelIdOf(versionId), "DRIFT",
                        "Reassessment of " + versionId + " found breaches:\n" + findings.stream()
                                .filter(f -> f.level() == FindingLevel.FAIL).map(Finding::line)
                                .collect(java.util.stream.Collectors.joining("\n")),
                        "reassessment-breach:" + versionId, false, "REASSESSMENT", List.of()), "modelgov");
            }
            execution.setVariable("evidenceSummary", summary(findings));
            execution.setVariable("driftReportId", firstEvidence(findings));
        };
    }

    /** The review timer waits until the start of the due day (UTC); the inventory shows the day. */
    private static void scheduled(DelegateExecution execution, LocalDate due) {
        execution.setVariable("nextReviewDue", due.toString());
        execution.setVariable("nextReviewAt", Date.from(due.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** Every lifecycle, validation and reassessment has the version id as business key; no variable can change it. */
    static String versionId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String runId(DelegateExecution execution) {
        return (String) execution.getVariable("validationRunId");
    }

    private static String summary(List<Finding> findings) {
        return ValidationService.summary(findings);
    }

    private static String firstEvidence(List<Finding> findings) {
        return findings.stream().map(Finding::evidenceReportId).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }
}
