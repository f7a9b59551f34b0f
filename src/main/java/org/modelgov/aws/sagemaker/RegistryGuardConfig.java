package org.modelgov.aws.sagemaker;

import org.modelgov.incident.IncidentService;
import org.modelgov.inventory.InventoryService;
import org.modelgov.notification.NotificationSender;
import org.modelgov.registry.RegistryService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** AWS mode: the registry guard, run every {@code modelgov.aws.registry-guard-interval} (default 5 minutes). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
@EnableScheduling
class RegistryGuardConfig {

    @Bean
    RegistryGuard registryGuard(SageMakerClient sageMaker, InventoryService inventory, RegistryService registry,
                                IncidentService incidents, NotificationSender notifications) {
        return new RegistryGuard(sageMaker, inventory, registry, incidents, notifications);
    }

    @Bean
    GuardSchedule registryGuardSchedule(RegistryGuard guard) {
        return new GuardSchedule(guard);
    }

    static class GuardSchedule {
        private final RegistryGuard guard;

        GuardSchedule(RegistryGuard guard) {
            this.guard = guard;
        }

        @Scheduled(fixedDelayString = "${modelgov.aws.registry-guard-interval:PT5M}", initialDelayString = "PT1M")
        void check() {
            guard.checkAll();
        }
    }
}
