package org.modelgov.aws.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Model Monitor evidence: the latest executions of a schedule that completed with violations. */
class SageMakerMonitoringEvidenceTest {

    private static final String SCHEDULE = "churn-data-quality";

    private final SageMakerWire aws = new SageMakerWire();
    private final SageMakerMonitoringEvidence evidence = new SageMakerMonitoringEvidence(aws.client);

    @AfterEach
    void checkRequestsAndClose() {
        try {
            aws.assertEveryRequestFitsTheAwsModel();
        } finally {
            aws.close();
        }
    }

    private void schedule() {
        aws.answer("DescribeMonitoringSchedule", "{\"MonitoringScheduleArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:monitoring-schedule/churn-data-quality\","
                + " \"MonitoringScheduleName\": \"churn-data-quality\", \"MonitoringScheduleStatus\": \"Scheduled\","
                + " \"MonitoringType\": \"DataQuality\", \"EndpointName\": \"churn-prod\", \"CreationTime\": 1717200000,"
                + " \"LastModifiedTime\": 1717200000, \"MonitoringScheduleConfig\": {}}");
    }

    private static String execution(long scheduledTime, String status, String job) {
        return "{\"MonitoringScheduleName\": \"churn-data-quality\", \"ScheduledTime\": " + scheduledTime
                + ", \"CreationTime\": " + scheduledTime + ", \"LastModifiedTime\": " + (scheduledTime + 600)
                + ", \"MonitoringExecutionStatus\": \"" + status + "\", \"EndpointName\": \"churn-prod\","
                + " \"MonitoringType\": \"DataQuality\", \"ProcessingJobArn\":"
                + " \"arn:aws:sagemaker:eu-west-1:123456789012:processing-job/" + job + "\"}";
    }

    @Test
    void theRecentExecutionsThatCompletedWithViolationsAreListedLatestFirst() {
        schedule();
        aws.answer("ListMonitoringExecutions", "{\"MonitoringExecutionSummaries\": ["
                + execution(1717286400, "CompletedWithViolations", "dq-0602") + ", "
                + execution(1717200000, "Completed", "dq-0601") + ", "
                + execution(1717113600, "Failed", "dq-0531") + ", "
                + execution(1717027200, "CompletedWithViolations", "dq-0530") + "]}");

        assertThat(evidence.violations(SCHEDULE)).containsExactly(
                "monitoring schedule churn-data-quality (DataQuality): execution scheduled at 2024-06-02T00:00:00Z"
                        + " completed with violations on endpoint churn-prod; processing job"
                        + " arn:aws:sagemaker:eu-west-1:123456789012:processing-job/dq-0602",
                "monitoring schedule churn-data-quality (DataQuality): execution scheduled at 2024-05-30T00:00:00Z"
                        + " completed with violations on endpoint churn-prod; processing job"
                        + " arn:aws:sagemaker:eu-west-1:123456789012:processing-job/dq-0530");
        assertThat(aws.operations()).containsExactly("DescribeMonitoringSchedule", "ListMonitoringExecutions");
        assertThat(aws.requests("DescribeMonitoringSchedule").get(0).path("MonitoringScheduleName").asText())
                .isEqualTo(SCHEDULE);
        JsonNode list = aws.requests("ListMonitoringExecutions").get(0);
        assertThat(list.path("MonitoringScheduleName").asText()).isEqualTo(SCHEDULE);
        assertThat(list.path("SortBy").asText()).isEqualTo("ScheduledTime");
        assertThat(list.path("SortOrder").asText()).isEqualTo("Descending");
        assertThat(list.path("MaxResults").asInt()).isEqualTo(10);
    }

    @Test
    void noExecutionWithViolationsMeansNoViolations() {
        schedule();
        aws.answer("ListMonitoringExecutions", "{\"MonitoringExecutionSummaries\": ["
                + execution(1717286400, "Completed", "dq-0602") + "]}");

        assertThat(evidence.violations(SCHEDULE)).isEmpty();
    }

    @Test
    void aScheduleThatDoesNotExistIsAnErrorNotAnAbsenceOfViolations() {
        aws.fail("DescribeMonitoringSchedule", 400, "ResourceNotFound", "Monitoring schedule churn-data-quality not found");

        assertThatThrownBy(() -> evidence.violations(SCHEDULE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no monitoring schedule named " + SCHEDULE);
        assertThat(aws.requests("ListMonitoringExecutions")).isEmpty();
    }
}
