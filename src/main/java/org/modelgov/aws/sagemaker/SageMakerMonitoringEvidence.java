package org.modelgov.aws.sagemaker;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeMonitoringScheduleResponse;
import software.amazon.awssdk.services.sagemaker.model.ExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSortKey;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;

/**
 * AWS mode: monitoring evidence from a SageMaker Model Monitor schedule, for accounts that have one. The latest
 * executions that completed with violations are the evidence of a breach.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
public class SageMakerMonitoringEvidence {

    /** How many of the latest executions are looked at. */
    static final int RECENT_EXECUTIONS = 10;

    private final SageMakerClient sageMaker;

    public SageMakerMonitoringEvidence(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    /**
     * One line per recent execution of the schedule that completed with violations, latest first; empty when none
     * did. A schedule that does not exist is an error, not an absence of violations.
     */
    public List<String> violations(String monitoringScheduleName) {
        return violationsSince(monitoringScheduleName, java.time.Instant.EPOCH).stream()
                .map(org.modelgov.validation.MonitoringEvidence.Observed::text).toList();
    }

    /** The violations of executions scheduled after {@code since}, latest first, with their scheduled time. */
    public List<org.modelgov.validation.MonitoringEvidence.Observed> violationsSince(String monitoringScheduleName,
                                                                                     java.time.Instant since) {
        DescribeMonitoringScheduleResponse schedule;
        try {
            schedule = sageMaker.describeMonitoringSchedule(r -> r.monitoringScheduleName(monitoringScheduleName));
        } catch (ResourceNotFoundException e) {
            throw new IllegalArgumentException("SageMaker has no monitoring schedule named " + monitoringScheduleName
                    + ": check the schedule name configured for this model", e);
        }
        return sageMaker.listMonitoringExecutions(r -> r.monitoringScheduleName(schedule.monitoringScheduleName())
                        .sortBy(MonitoringExecutionSortKey.SCHEDULED_TIME)
                        .sortOrder(SortOrder.DESCENDING)
                        .maxResults(RECENT_EXECUTIONS))
                .monitoringExecutionSummaries().stream()
                .filter(e -> e.monitoringExecutionStatus() == ExecutionStatus.COMPLETED_WITH_VIOLATIONS)
                .filter(e -> e.scheduledTime() != null && e.scheduledTime().isAfter(since))
                .map(e -> new org.modelgov.validation.MonitoringEvidence.Observed(e.scheduledTime(), describe(e, schedule)))
                .toList();
    }

    private static String describe(MonitoringExecutionSummary execution, DescribeMonitoringScheduleResponse schedule) {
        String type = execution.monitoringTypeAsString() != null ? execution.monitoringTypeAsString()
                : schedule.monitoringTypeAsString();
        return "monitoring schedule " + execution.monitoringScheduleName()
                + (type != null ? " (" + type + ")" : "")
                + ": execution scheduled at " + execution.scheduledTime() + " completed with violations"
                + (execution.endpointName() != null ? " on endpoint " + execution.endpointName() : "")
                + (execution.processingJobArn() != null ? "; processing job " + execution.processingJobArn() : "");
    }
}
