package org.modelgov.aws.sagemaker;

import org.modelgov.common.EachItem;
import org.modelgov.incident.IncidentService;
import org.modelgov.inventory.InventoryService;
import org.modelgov.notification.NotificationSender;
import org.modelgov.registry.RegistryService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** AWS mode: the registry guard; {@code AwsBackgroundJobs} runs it once per period across the cluster. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class RegistryGuardConfig {

    @Bean
    RegistryGuard registryGuard(SageMakerClient sageMaker, InventoryService inventory, RegistryService registry,
                                IncidentService incidents, NotificationSender notifications, EachItem eachItem) {
        return new RegistryGuard(sageMaker, inventory, registry, incidents, notifications, eachItem);
    }
}
