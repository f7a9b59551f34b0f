package org.modelgov.cluster;

import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every start-up step that writes shared state under the {@link StartupLock}: Flyway's migrations, Camunda's
 * schema creation and deployment (the engine is built between the plugin's pre-init and the application's
 * readiness) and the seeding runners (groups, authorizations, filters, first administrator, demo data), which run
 * before the application is ready. The lock is released when the application is ready, or when its context closes
 * after a failed start.
 */
@Configuration(proxyBeanMethods = false)
public class StartupLockConfig {

    /** Released at the latest when the context closes, e.g. after a failed start. */
    @Bean(destroyMethod = "release")
    StartupLock startupLock(DataSource dataSource) {
        return new StartupLock(dataSource);
    }

    @Bean
    FlywayMigrationStrategy migrateUnderStartupLock(StartupLock lock) {
        return flyway -> {
            lock.acquire("schema migrations");
            flyway.migrate();
        };
    }

    @Bean
    ProcessEnginePlugin buildEngineUnderStartupLock(StartupLock lock) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                lock.acquire("process engine's schema check and deployment");
            }
        };
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> releaseStartupLockWhenReady(StartupLock lock) {
        return event -> lock.release();
    }
}
