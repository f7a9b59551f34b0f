package org.modelgov.aws.sfn;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sfn.SfnClient;

/** AWS mode: the Step Functions gate on the shared SDK client. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class StepFunctionsConfig {

    @Bean
    StepFunctionsGate stepFunctionsGate(SfnClient sfnClient) {
        return new StepFunctionsGate(sfnClient);
    }
}
