package org.modelgov.background;

import java.time.Duration;
import org.modelgov.common.EachItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs every {@link BackgroundJob} bean once per period across the cluster: each node looks several times a
 * period (a tenth of it, at most every 30 seconds) and runs the job when it takes the job's lease
 * ({@link JobLeases}); a node that stops leaves the next period to the others.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class BackgroundJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Duration MAX_LOOK = Duration.ofSeconds(30);

    private final ObjectProvider<BackgroundJob> jobs;
    private final ObjectProvider<JobLeases> leases;

    BackgroundJobs(ObjectProvider<BackgroundJob> jobs, ObjectProvider<JobLeases> leases) {
        this.jobs = jobs;
        this.leases = leases;
    }

    @Bean
    JobLeases jobLeases(JdbcClient jdbc) {
        return new JobLeases(jdbc);
    }

    @Bean
    EachItem eachItem(PlatformTransactionManager transactions) {
        return new TransactionPerItem(transactions);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        JobLeases lease = leases.getObject();
        jobs.orderedStream().forEach(job -> registrar.addFixedDelayTask(
                new FixedDelayTask(() -> runIfLeased(lease, job), look(job.period()), job.firstAfter())));
    }

    static Duration look(Duration period) {
        Duration tenth = period.dividedBy(10);
        return tenth.compareTo(MAX_LOOK) > 0 ? MAX_LOOK : tenth.isZero() ? period : tenth;
    }

    private static void runIfLeased(JobLeases leases, BackgroundJob job) {
        leases.take(job.name(), job.period()).ifPresent(lease -> {
            try {
                job.work().run();
            } catch (RuntimeException e) {
                log.error("Background job {} failed; it runs again next period", job.name(), e);
            } finally {
                leases.release(lease);
            }
        });
    }
}
