package org.modelgov.aws.sagemaker;

import org.modelgov.common.EachItem;
import org.modelgov.inventory.InventoryService;
import org.modelgov.lifecycle.LifecycleService;
import org.modelgov.lifecycle.MonitoringWatch;
import org.modelgov.validation.MonitoringEvidence;
import org.modelgov.validation.ValidationService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** AWS mode: the Model Monitor watcher; {@code AwsBackgroundJobs} runs it once per period across the cluster. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class MonitoringWatchConfig {

    @Bean
    MonitoringWatch monitoringWatch(InventoryService inventory, ValidationService validation,
                                    MonitoringEvidence monitoring, LifecycleService lifecycle, EachItem eachItem) {
        return new MonitoringWatch(inventory, validation, monitoring, lifecycle, eachItem);
    }
}
