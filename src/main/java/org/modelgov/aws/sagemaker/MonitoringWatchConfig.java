package org.modelgov.aws.sagemaker;

import org.modelgov.inventory.InventoryService;
import org.modelgov.lifecycle.LifecycleService;
import org.modelgov.lifecycle.MonitoringWatch;
import org.modelgov.validation.MonitoringEvidence;
import org.modelgov.validation.ValidationService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** AWS mode: Model Monitor is watched every {@code modelgov.aws.monitoring-watch-interval} (default 15 minutes). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
@EnableScheduling
class MonitoringWatchConfig {

    @Bean
    MonitoringWatch monitoringWatch(InventoryService inventory, ValidationService validation,
                                    MonitoringEvidence monitoring, LifecycleService lifecycle) {
        return new MonitoringWatch(inventory, validation, monitoring, lifecycle);
    }

    @Bean
    WatchSchedule monitoringWatchSchedule(MonitoringWatch watch, InventoryService inventory) {
        return new WatchSchedule(watch, inventory);
    }

    static class WatchSchedule {
        private final MonitoringWatch watch;
        private final InventoryService inventory;

        WatchSchedule(MonitoringWatch watch, InventoryService inventory) {
            this.watch = watch;
            this.inventory = inventory;
        }

        @Scheduled(fixedDelayString = "${modelgov.aws.monitoring-watch-interval:PT15M}", initialDelayString = "PT2M")
        void check() {
            watch.check(inventory.approvedVersions());
        }
    }
}
