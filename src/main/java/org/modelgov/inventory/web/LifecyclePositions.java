package org.modelgov.inventory.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.modelgov.lifecycle.LifecycleState;
import org.springframework.stereotype.Component;

/**
 * Where a lifecycle stands, in words a person reads: every wait state of processes/*.bpmn (user tasks, timers,
 * message events, called processes) has a phrase here, in one place. An id without one (a new step) falls back to
 * the element's name in the deployed BPMN, so the page never shows a bare id.
 */
@Component
class LifecyclePositions {

    static final Map<String, String> PHRASES = Map.ofEntries(
            // model-lifecycle.bpmn
            Map.entry("SubProcess_OpenRecords", "Opening its governance records"),
            Map.entry("Task_OpenGovernanceRecords", "Opening its registry entry and model card"),
            Map.entry("Task_AnswerRiskQuestionnaire", "Waiting for the owner's risk questionnaire"),
            Map.entry("Task_ReviewRiskTier", "Waiting for a risk officer to review the risk tier"),
            Map.entry("Task_RecordRiskTier", "Recording the risk tier"),
            Map.entry("CallActivity_Validate", "Being validated"),
            Map.entry("Task_RemediateFindings", "Waiting for the owner to remediate the validation findings"),
            Map.entry("Task_ApplyRemediation", "Applying the owner's remediation"),
            Map.entry("Task_DecideAfterRepeatedFailures",
                    "Waiting for a risk officer to decide after repeated validation failures"),
            Map.entry("Task_SubmitForSignOff", "Submitting the model card for sign-off"),
            Map.entry("Task_SignOff", "Waiting for the model risk committee's sign-off"),
            Map.entry("SubProcess_Approve", "Being approved"),
            Map.entry("Task_DecideApproval", "Being approved"),
            Map.entry("Task_ApproveInRegistry", "Being approved in the model registry"),
            Map.entry("Task_ApproveModelCard", "Having its model card approved"),
            Map.entry("Task_RecordApproval", "Recording the approval and scheduling the next review"),
            Map.entry("Task_AnswerPipelineApproved", "Telling the waiting pipeline it is approved"),
            Map.entry("CallActivity_ChallengerTest", "In its A/B test against the champion"),
            Map.entry("SubProcess_InProduction", "In production"),
            Map.entry("Gateway_AwaitReview", "In production, until the next review or a drift report"),
            Map.entry("Timer_ReviewDue", "In production, until the next review or a drift report"),
            Map.entry("Event_DriftReported", "In production, until the next review or a drift report"),
            Map.entry("CallActivity_Reassess", "Being reassessed"),
            Map.entry("Task_ScheduleNextReview", "Scheduling the next review"),
            Map.entry("SubProcess_Reject", "Being rejected"),
            Map.entry("Task_RejectVersion", "Being rejected"),
            Map.entry("Task_RejectInRegistry", "Being rejected in the model registry"),
            Map.entry("Task_ArchiveRejectedCard", "Archiving the rejected model card"),
            Map.entry("Task_AnswerPipelineRejected", "Telling the waiting pipeline it is rejected"),
            Map.entry("SubProcess_Retire", "Being retired"),
            Map.entry("Task_RetireModel", "Being retired"),
            Map.entry("Task_RetireInRegistry", "Being retired in the model registry"),
            Map.entry("Task_ArchiveRetiredCard", "Archiving the retired model card"),
            Map.entry("Task_AnswerPipelineRetired", "Telling the waiting pipeline it is retired"),
            Map.entry("SubProcess_RetireRequested", "Being retired on request"),
            Map.entry("SubProcess_RetireOnRequest", "Being retired on request"),
            Map.entry("Task_RetireOnRequest", "Being retired on request"),
            Map.entry("Task_RetireOnRequestInRegistry", "Being retired in the model registry"),
            Map.entry("Task_ArchiveCardOnRequest", "Archiving the retired model card"),
            Map.entry("Task_AnswerPipelineOnRequest", "Telling the waiting pipeline it is retired"),
            Map.entry("SubProcess_IncidentReported", "Noting a reported incident"),
            Map.entry("Task_NoteIncident", "Noting a reported incident for the reassessment"),
            Map.entry("SubProcess_IncidentClosed", "Noting a closed incident"),
            Map.entry("Task_NoteIncidentClosed", "Noting a closed incident"),
            Map.entry("Task_ChaseOverdueWork", "Chasing overdue work"),
            // model-validation.bpmn
            Map.entry("Task_StartValidationRound", "Starting a validation round"),
            Map.entry("Task_RunTechnicalChecks", "Checking performance and security"),
            Map.entry("Task_StartTeamPipeline", "Starting the team's validation pipeline"),
            Map.entry("Timer_PipelinePoll", "Waiting for the team's validation pipeline"),
            Map.entry("Task_CheckTeamPipeline", "Checking the team's validation pipeline"),
            Map.entry("Task_RunFairnessChecks", "Checking bias and explainability"),
            Map.entry("Task_AssessChecks", "Assessing the automated checks"),
            Map.entry("SubProcess_Reviews", "Under independent review"),
            Map.entry("Task_ReviewTechnicalValidation", "Waiting for a validator's technical review"),
            Map.entry("Task_ReviewEthics", "Waiting for an ethics reviewer's fairness review"),
            Map.entry("Task_ConfirmBusinessFitness", "Waiting for the business owner to confirm business fitness"),
            Map.entry("Task_ConcludeValidation", "Aggregating the validation findings"),
            // challenger-test.bpmn
            Map.entry("Task_DecideChallengerTest", "Deciding whether it needs an A/B test"),
            Map.entry("Task_DeployChallenger", "Deploying it as the challenger variant"),
            Map.entry("Task_CheckChallengerRollout", "Waiting for the challenger variant to serve"),
            Map.entry("Timer_RolloutPoll", "Waiting for the challenger variant to serve"),
            Map.entry("Task_RecordRolloutFailure", "Recording that the challenger never served"),
            Map.entry("Task_StartChallengerObservation", "Giving the challenger its share of traffic"),
            Map.entry("Timer_ObservationWindow", "A/B test: observing challenger and champion until the window ends"),
            Map.entry("Task_CompareChallenger", "Comparing the challenger with the champion"),
            Map.entry("Task_PromoteChallenger", "Shifting all traffic to it (A/B test passed)"),
            Map.entry("Task_WithdrawChallenger", "Taking the challenger's traffic back (A/B test not passed)"),
            Map.entry("SubProcess_StopRequested", "Stopping its A/B test"),
            Map.entry("Task_WithdrawStoppedChallenger", "Stopping its A/B test: taking the challenger's traffic back"),
            Map.entry("Task_RecordChallengerStop", "Recording who stopped its A/B test and why"),
            // periodic-reassessment.bpmn
            Map.entry("Task_GatherMonitoringEvidence", "Gathering monitoring evidence for the reassessment"),
            Map.entry("Task_DecideReassessment",
                    "Waiting for the reassessment decision (continue, revalidate or retire)"));

    /** Containers: said only when nothing inside them is (a called process's own step is more telling). */
    private static final Set<String> CONTAINERS = Set.of("CallActivity_Validate", "CallActivity_Reassess",
            "SubProcess_OpenRecords", "SubProcess_InProduction",
            "SubProcess_Reviews", "SubProcess_Approve", "SubProcess_Reject", "SubProcess_Retire",
            "SubProcess_RetireRequested", "SubProcess_RetireOnRequest", "SubProcess_IncidentReported",
            "SubProcess_IncidentClosed", "CallActivity_ChallengerTest", "SubProcess_StopRequested");

    private final RepositoryService repository;
    private final Map<String, Optional<String>> names = new ConcurrentHashMap<>();

    LifecyclePositions(RepositoryService repository) {
        this.repository = repository;
    }

    /** "not started", "ended", or the phrases of where it waits, joined. */
    String describe(LifecycleState state) {
        if (state == null) {
            return "not started";
        }
        if (state.ended()) {
            return "ended";
        }
        List<String> specific = state.waitingAt().stream().filter(id -> !CONTAINERS.contains(id)).toList();
        List<String> ids = specific.isEmpty() ? state.waitingAt() : specific;
        Set<String> phrases = new LinkedHashSet<>();
        for (String id : ids) {
            phrases.add(phrase(id));
        }
        return phrases.isEmpty() ? "under way" : String.join("; ", phrases);
    }

    String phrase(String activityId) {
        String phrase = PHRASES.get(activityId);
        if (phrase != null) {
            return phrase;
        }
        return nameInBpmn(activityId).map(name -> "At “" + name + "”").orElse("At step " + activityId);
    }

    private Optional<String> nameInBpmn(String activityId) {
        return names.computeIfAbsent(activityId, id -> {
            List<ProcessDefinition> definitions = new ArrayList<>(
                    repository.createProcessDefinitionQuery().latestVersion().list());
            for (ProcessDefinition definition : definitions) {
                ModelElementInstance element = repository.getBpmnModelInstance(definition.getId())
                        .getModelElementById(id);
                if (element instanceof FlowElement flow && flow.getName() != null && !flow.getName().isBlank()) {
                    return Optional.of(flow.getName().replaceAll("\\s+", " ").strip());
                }
            }
            return Optional.empty();
        });
    }
}
