package org.modelgov.aws;

import java.time.Duration;
import org.modelgov.aws.sagemaker.RegistryGuard;
import org.modelgov.background.BackgroundJob;
import org.modelgov.inventory.InventoryService;
import org.modelgov.lifecycle.MonitoringWatch;
import org.modelgov.pipeline.PipelineGateService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * AWS mode's background work, each job once per period across all nodes sharing the database
 * ({@code BackgroundJobs}); the first run waits a minute or two after start, as a node comes up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
public class AwsBackgroundJobs {

    @Bean
    BackgroundJob registryGuardJob(RegistryGuard guard,
                                   @Value("${modelgov.aws.registry-guard-interval:PT5M}") Duration interval) {
        return new BackgroundJob("registry-guard", interval, Duration.ofMinutes(1), guard::checkAll);
    }

    @Bean
    BackgroundJob monitoringWatchJob(MonitoringWatch watch, InventoryService inventory,
                                     @Value("${modelgov.aws.monitoring-watch-interval:PT15M}") Duration interval) {
        return new BackgroundJob("monitoring-watch", interval, Duration.ofMinutes(2),
                () -> watch.check(inventory.approvedVersions()));
    }

    @Bean
    BackgroundJob pipelineHeartbeatJob(PipelineGateService gates,
                                       @Value("${modelgov.aws.pipeline-heartbeat-interval:PT5M}") Duration interval) {
        return new BackgroundJob("pipeline-heartbeat", interval, Duration.ofMinutes(1), gates::heartbeat);
    }
}
