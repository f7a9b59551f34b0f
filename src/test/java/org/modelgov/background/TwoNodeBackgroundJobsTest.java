package org.modelgov.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modelgov.aws.AwsBackgroundJobs;
import org.modelgov.aws.sagemaker.RegistryGuard;
import org.modelgov.inventory.InventoryService;
import org.modelgov.lifecycle.MonitoringWatch;
import org.modelgov.pipeline.PipelineGateService;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two ModelGov nodes on one database, each with AWS mode's real job declarations ({@link AwsBackgroundJobs}) and
 * scheduler ({@link BackgroundJobs}) over stand-ins for the guard, the watcher and the gates that count their runs:
 * each job runs exactly once per period across the two, and when the node holding a lease stops, the other takes
 * the job over once that lease has expired. H2 in memory, or PostgreSQL when MODELGOV_DB_URL names one.
 */
class TwoNodeBackgroundJobsTest {

    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Map<String, String> JOBS = Map.of("registry-guard", "checkAll", "monitoring-watch", "check",
            "pipeline-heartbeat", "heartbeat");
    private static DataSource database;

    /** One run of a job: the node that ran it and the period it ran in (k for [k·p, (k+1)·p)). */
    record Run(String job, String node, long period) {
    }

    private final List<Run> runs = new ArrayList<>();
    private final List<AnnotationConfigApplicationContext> nodes = new ArrayList<>();

    @BeforeAll
    static void sharedDatabase() {
        String url = System.getenv("MODELGOV_DB_URL");
        boolean postgres = url != null && url.startsWith("jdbc:postgresql:");
        database = postgres
                ? new SimpleDriverDataSource(new org.postgresql.Driver(), url, System.getenv("MODELGOV_DB_USER"),
                        System.getenv("MODELGOV_DB_PASSWORD"))
                : new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:twonodes;DB_CLOSE_DELAY=-1", "sa", "");
        String schema = postgres ? "modelgov" : "MODELGOV";
        Flyway.configure().dataSource(database).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").load().migrate();
        JdbcClient.create(database).sql("DELETE FROM modelgov.background_job_lease").update();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(AnnotationConfigApplicationContext::close);
    }

    @Test
    void eachJobRunsOncePerPeriodAcrossTwoNodesAndTheOtherNodeTakesOverWhenTheHolderStops() {
        AnnotationConfigApplicationContext a = node();
        AnnotationConfigApplicationContext b = node();

        awaitRuns(run -> true, 6);
        for (String job : JOBS.keySet()) {
            assertThat(periods(job, run -> true)).as("%s: once in each period, none skipped", job)
                    .doesNotHaveDuplicates().satisfies(TwoNodeBackgroundJobsTest::consecutive);
        }

        // the node holding the registry guard's lease now stops; its lease stays until the period ends
        String holder = JdbcClient.create(database)
                .sql("SELECT held_by FROM modelgov.background_job_lease WHERE name = 'registry-guard'")
                .query(String.class).single();
        AnnotationConfigApplicationContext stopped = holder.equals(name(a)) ? a : b;
        String survivor = stopped == a ? name(b) : name(a);
        List<Long> before = periods("registry-guard", run -> true);
        stopped.close();
        int stoppedRuns = count(run -> !run.node().equals(survivor));

        awaitRuns(run -> run.node().equals(survivor) && run.period() > before.get(before.size() - 1), 3);
        assertThat(count(run -> !run.node().equals(survivor))).as("the stopped node ran nothing more")
                .isEqualTo(stoppedRuns);
        for (String job : JOBS.keySet()) {
            List<Long> all = periods(job, run -> true);
            assertThat(all).as("%s: never twice in one period", job).doesNotHaveDuplicates();
            List<Long> after = periods(job, run -> run.node().equals(survivor) && run.period() > before.get(
                    before.size() - 1));
            assertThat(after).as("%s: the survivor runs it once in each period", job).satisfies(
                    TwoNodeBackgroundJobsTest::consecutive);
        }
        List<Long> guardRuns = periods("registry-guard", run -> true);
        assertThat(guardRuns.subList(before.size(), guardRuns.size())).as("taken over after the stopped node's"
                + " period").allSatisfy(period -> assertThat(period).isGreaterThan(before.get(before.size() - 1)));
    }

    /** A node: its own context, scheduler and lease holder name, on the shared database. */
    private AnnotationConfigApplicationContext node() {
        AnnotationConfigApplicationContext node = new AnnotationConfigApplicationContext();
        node.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
        node.getEnvironment().getPropertySources().addFirst(new MapPropertySource("node", Map.of(
                "modelgov.integration", "aws",
                "modelgov.aws.registry-guard-interval", PERIOD.toString(),
                "modelgov.aws.monitoring-watch-interval", PERIOD.toString(),
                "modelgov.aws.pipeline-heartbeat-interval", PERIOD.toString())));
        node.registerBean(DataSource.class, () -> database);
        node.registerBean(JdbcClient.class, () -> JdbcClient.create(database));
        node.registerBean(DataSourceTransactionManager.class, () -> new DataSourceTransactionManager(database));
        node.registerBean(RegistryGuard.class, () -> counting(RegistryGuard.class, "registry-guard", node));
        node.registerBean(MonitoringWatch.class, () -> counting(MonitoringWatch.class, "monitoring-watch", node));
        node.registerBean(PipelineGateService.class, () -> counting(PipelineGateService.class, "pipeline-heartbeat",
                node));
        node.registerBean(InventoryService.class, () -> mock(InventoryService.class));
        node.register(BackgroundJobs.class, AwsBackgroundJobs.class);
        node.refresh();
        nodes.add(node);
        return node;
    }

    /** A stand-in whose job method records a run in the period of the lease its node holds. */
    private <T> T counting(Class<T> type, String job, AnnotationConfigApplicationContext node) {
        return mock(type, call -> {
            if (call.getMethod().getName().equals(JOBS.get(job))) {
                // while a run lasts its lease is held one period past the period it runs in
                OffsetDateTime until = JdbcClient.create(database)
                        .sql("SELECT lease_until FROM modelgov.background_job_lease WHERE name = ?").param(job)
                        .query(OffsetDateTime.class).single();
                long period = until.toInstant().toEpochMilli() / PERIOD.toMillis() - 2;
                synchronized (runs) {
                    runs.add(new Run(job, name(node), period));
                }
            }
            return RETURNS_DEFAULTS.answer(call);
        });
    }

    private static String name(AnnotationConfigApplicationContext node) {
        return node.getBean(JobLeases.class).node();
    }

    /** Waits (at most a minute) until every job has {@code atLeast} runs that match. */
    private void awaitRuns(Predicate<Run> which, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (JOBS.keySet().stream().anyMatch(job -> periods(job, which).size() < atLeast)) {
            assertThat(Instant.now()).as("runs so far: %s", runs).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private List<Long> periods(String job, Predicate<Run> which) {
        synchronized (runs) {
            return runs.stream().filter(run -> run.job().equals(job) && which.test(run)).map(Run::period).toList();
        }
    }

    private int count(Predicate<Run> which) {
        synchronized (runs) {
            return (int) runs.stream().filter(which).count();
        }
    }

    private static void consecutive(List<? extends Long> periods) {
        assertThat(periods).isSorted();
        assertThat(periods.get(periods.size() - 1) - periods.get(0)).as("periods %s", periods)
                .isEqualTo(periods.size() - 1);
    }
}
