package org.modelgov.aws.sagemaker;

import java.util.ArrayList;
import java.util.List;
import org.modelgov.inventory.Model;
import org.modelgov.validation.MonitoringEvidence;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MonitoringScheduleSummary;

/**
 * AWS mode: the Model Monitor schedules on the model's endpoint (ListMonitoringSchedules), and their latest
 * executions that completed with violations (DescribeMonitoringSchedule, ListMonitoringExecutions).
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class SageMakerMonitoringSource implements MonitoringEvidence {

    private final SageMakerClient sageMaker;
    private final SageMakerMonitoringEvidence executions;

    SageMakerMonitoringSource(SageMakerClient sageMaker, SageMakerMonitoringEvidence executions) {
        this.sageMaker = sageMaker;
        this.executions = executions;
    }

    @Override
    public List<Observed> violationsSince(Model model, java.time.Instant since) {
        String endpoint = model.deployment().endpointName();
        if (endpoint == null) {
            return List.of();
        }
        List<Observed> found = new ArrayList<>();
        for (MonitoringScheduleSummary schedule : sageMaker.listMonitoringSchedules(r -> r.endpointName(endpoint)
                .maxResults(100)).monitoringScheduleSummaries()) {
            found.addAll(executions.violationsSince(schedule.monitoringScheduleName(), since));
        }
        return found;
    }
}
