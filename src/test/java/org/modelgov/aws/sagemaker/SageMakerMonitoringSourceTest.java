package org.modelgov.aws.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.RiskTier;

/** The schedules on a model's endpoint are found and their violations become reassessment evidence. */
class SageMakerMonitoringSourceTest {

    private final SageMakerWire aws = new SageMakerWire();
    private final SageMakerMonitoringSource source = new SageMakerMonitoringSource(aws.client,
            new SageMakerMonitoringEvidence(aws.client));

    @AfterEach
    void checkRequestsAndClose() {
        try {
            aws.assertEveryRequestFitsTheAwsModel();
        } finally {
            aws.close();
        }
    }

    private static Model model(String endpoint) {
        return new Model("CHURN-001", "Churn", "Retention", RiskTier.HIGH, "owner", null, new Deployment(endpoint, null),
                null, null, ModelStatus.IN_PRODUCTION, null, "owner", Instant.now(), Instant.now(), 0);
    }

    @Test
    void violationsOfEveryScheduleOnTheEndpointAreReported() {
        aws.answer("ListMonitoringSchedules", "{\"MonitoringScheduleSummaries\": [{\"MonitoringScheduleName\":"
                + " \"churn-data-quality\", \"MonitoringScheduleArn\": \"arn:aws:sagemaker:eu-west-1:123456789012:"
                + "monitoring-schedule/churn-data-quality\", \"CreationTime\": 1717200000, \"LastModifiedTime\": 1717200000,"
                + " \"MonitoringScheduleStatus\": \"Scheduled\", \"EndpointName\": \"churn-prod\"}]}");
        aws.answer("DescribeMonitoringSchedule", "{\"MonitoringScheduleArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:monitoring-schedule/churn-data-quality\","
                + " \"MonitoringScheduleName\": \"churn-data-quality\", \"MonitoringScheduleStatus\": \"Scheduled\","
                + " \"MonitoringType\": \"DataQuality\", \"EndpointName\": \"churn-prod\", \"CreationTime\": 1717200000,"
                + " \"LastModifiedTime\": 1717200000, \"MonitoringScheduleConfig\": {}}");
        aws.answer("ListMonitoringExecutions", "{\"MonitoringExecutionSummaries\": [{\"MonitoringScheduleName\":"
                + " \"churn-data-quality\", \"ScheduledTime\": 1717300000, \"CreationTime\": 1717300000,"
                + " \"LastModifiedTime\": 1717300600, \"MonitoringExecutionStatus\": \"CompletedWithViolations\","
                + " \"EndpointName\": \"churn-prod\"}]}");

        assertThat(source.violations(model("churn-prod"))).singleElement().asString()
                .contains("churn-data-quality", "completed with violations");
        assertThat(aws.requests("ListMonitoringSchedules")).singleElement()
                .satisfies(body -> assertThat(body.path("EndpointName").asText()).isEqualTo("churn-prod"));
    }

    @Test
    void aModelWithoutEndpointIsNotMonitored() {
        assertThat(source.violations(model(null))).isEmpty();
        assertThat(aws.requests("ListMonitoringSchedules")).isEmpty();
    }
}
