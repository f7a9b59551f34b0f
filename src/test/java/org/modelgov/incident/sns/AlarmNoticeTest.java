package org.modelgov.incident.sns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modelgov.incident.IncidentType;

/** CloudWatch alarm messages as SNS delivers them, read into what an incident needs. */
class AlarmNoticeTest {

    static final String FIRING = """
            {"AlarmName": "credit-pd-prod-5xx", "AlarmArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:credit-pd-prod-5xx",
             "NewStateValue": "ALARM", "NewStateReason": "Threshold Crossed: 3 datapoints > 10",
             "Trigger": {"MetricName": "Invocation5XXErrors", "Namespace": "AWS/SageMaker",
                         "Dimensions": [{"value": "credit-pd-prod", "name": "EndpointName"},
                                        {"value": "AllTraffic", "name": "VariantName"}]}}
            """;

    @Test
    void aFiringEndpointAlarmNamesItsEndpointAndIsAnOutage() {
        AlarmNotice alarm = AlarmNotice.parse(FIRING).orElseThrow();
        assertThat(alarm.firing()).isTrue();
        assertThat(alarm.endpointName()).isEqualTo("credit-pd-prod");
        assertThat(alarm.type()).isEqualTo(IncidentType.OUTAGE);
        assertThat(alarm.externalId()).isEqualTo("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:credit-pd-prod-5xx");
        assertThat(alarm.reason()).startsWith("Threshold Crossed");
    }

    @Test
    void modelMonitorMetricsMapToDriftQualityAndBias() {
        assertThat(AlarmNotice.typeOf("aws/sagemaker/Endpoints/data-metrics", "feature_baseline_drift_income"))
                .isEqualTo(IncidentType.DRIFT);
        assertThat(AlarmNotice.typeOf("aws/sagemaker/Endpoints/model-metrics", "accuracy"))
                .isEqualTo(IncidentType.PERFORMANCE_DEGRADATION);
        assertThat(AlarmNotice.typeOf("aws/sagemaker/Endpoints/model-bias-metrics", "DPPL"))
                .isEqualTo(IncidentType.BIAS);
        assertThat(AlarmNotice.typeOf("AWS/SageMaker", "ModelLatency")).isEqualTo(IncidentType.OUTAGE);
    }

    @Test
    void anAlarmBackToOkIsNotFiringAndOtherTextIsNoAlarm() {
        assertThat(AlarmNotice.parse(FIRING.replace("\"ALARM\"", "\"OK\"")).orElseThrow().firing()).isFalse();
        assertThat(AlarmNotice.parse("Model Monitor finished")).isEmpty();
        assertThat(AlarmNotice.parse("{\"detail\": 1}")).isEmpty();
    }
}
