package org.modelgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers append without a lock and the sealer chains what they committed: concurrent writers, a transaction
 * that commits after later ones were sealed, and two sealers at once all leave one unbroken chain.
 */
@ModelGovIntegrationTest
class AuditSealingIntegrationTest {

    private static final int WRITERS = 8;
    private static final int EVENTS_PER_WRITER = 200;

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditLog log;
    @Autowired
    AuditSealer sealer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void eightConcurrentWritersSomeRollingBackAreAllSealedIntoOneChainWithoutGaps() throws Exception {
        List<Future<Integer>> writers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                start.await();
                int committed = 0;
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    boolean rollBack = i % 10 == 7;
                    int n = i;
                    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                        trail.record("writer-" + writer, "SEAL_PROBE", "MODEL_VERSION",
                                "SEAL-" + run + ":" + writer, Map.of("n", n, "rolledBack", rollBack));
                        if (rollBack) {
                            tx.setRollbackOnly();
                        }
                    });
                    committed += rollBack ? 0 : 1;
                }
                return committed;
            }));
        }
        start.countDown();
        int committed = 0;
        for (Future<Integer> writer : writers) {
            committed += writer.get(5, TimeUnit.MINUTES);
        }

        AuditLog.Verification verification = log.verify();

        assertThat(verification.intact()).as(String.valueOf(verification.firstBreak())).isTrue();
        List<Long> positions = jdbc.sql("SELECT chain_seq FROM modelgov.audit_event WHERE model_id = ?"
                + " ORDER BY chain_seq").param("SEAL-" + run).query(Long.class).list();
        assertThat(positions).as("every committed event, once").hasSize(committed).doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(committed).isEqualTo(WRITERS * (EVENTS_PER_WRITER - EVENTS_PER_WRITER / 10));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE model_id = ? AND details LIKE ?")
                .params("SEAL-" + run, "%\"rolledBack\":true%").query(Long.class).single())
                .as("rolled-back events are gone with their transaction").isZero();
        long head = jdbc.sql("SELECT last_seq FROM modelgov.audit_chain_head WHERE id = 1").query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE chain_seq IS NOT NULL")
                .query(Long.class).single()).as("positions 1..head, no gap").isEqualTo(head);
        assertThat(verification.verifiedUpTo()).isEqualTo(head);
    }

    @Test
    void anEventWhoseTransactionCommitsLateIsSealedLaterAndTheChainStillVerifies() throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        String late = "LATE-" + run;
        Future<?> slow = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            trail.record("slow", "SEAL_PROBE", "MODEL", late, Map.of("order", "recorded first, committed last"));
            recorded.countDown();
            try {
                commit.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        assertThat(recorded.await(1, TimeUnit.MINUTES)).isTrue();
        new TransactionTemplate(transactions).executeWithoutResult(tx ->
                trail.record("fast", "SEAL_PROBE", "MODEL", late, Map.of("order", "recorded second, committed first")));

        assertThat(log.verify().intact()).isTrue();
        List<AuditEvent> sealedWhileOpen = log.forModel(late);
        assertThat(sealedWhileOpen).as("the open transaction's event is invisible").hasSize(1);
        assertThat(sealedWhileOpen.get(0).sealed()).isTrue();

        commit.countDown();
        slow.get(1, TimeUnit.MINUTES);
        AuditLog.Verification verification = log.verify();

        assertThat(verification.intact()).as(String.valueOf(verification.firstBreak())).isTrue();
        List<AuditEvent> events = log.forModel(late);
        assertThat(events).extracting(AuditEvent::actor).containsExactly("slow", "fast");
        AuditEvent slowEvent = events.get(0);
        AuditEvent fastEvent = events.get(1);
        assertThat(slowEvent.seq()).as("the id keeps the recording order").isLessThan(fastEvent.seq());
        assertThat(slowEvent.chainSeq()).as("the chain keeps the sealing order").isGreaterThan(fastEvent.chainSeq());
    }

    @Test
    void twoSealersAtOnceNeverForkTheChain() throws Exception {
        int events = 2 * AuditSealer.BATCH + 500;
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 0; i < events; i++) {
                trail.record("bulk", "SEAL_PROBE", "MODEL", "TWO-" + run, Map.of("n", i));
            }
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sealers = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            sealers.add(threads.submit(() -> {
                start.await();
                return sealer.sealPending();
            }));
        }
        start.countDown();
        int sealed = 0;
        for (Future<Integer> s : sealers) {
            sealed += s.get(5, TimeUnit.MINUTES);
        }

        assertThat(sealed).as("the background sealer may have taken some, but no event twice").isLessThanOrEqualTo(events);
        List<Long> positions = jdbc.sql("SELECT chain_seq FROM modelgov.audit_event WHERE model_id = ?")
                .param("TWO-" + run).query(Long.class).list();
        assertThat(positions).hasSize(events).doesNotContainNull().doesNotHaveDuplicates();
        AuditLog.Verification verification = log.verify();
        assertThat(verification.intact()).as(String.valueOf(verification.firstBreak())).isTrue();
    }

    @Test
    void verificationCountsEventsCommittedButNotSealedYet() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // hold the chain head as a sealer would, so no sealer (the background one included) chains the event
        Future<?> headHolder = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("SELECT last_seq FROM modelgov.audit_chain_head WHERE id = 1 FOR UPDATE").query(Long.class)
                    .single();
            locked.countDown();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(locked.await(1, TimeUnit.MINUTES)).isTrue();
            new TransactionTemplate(transactions).executeWithoutResult(tx ->
                    trail.record("owner", "SEAL_PROBE", "MODEL", "WAIT-" + run, Map.of()));

            AuditLog.Verification verification = log.verifySealed();

            assertThat(verification.intact()).isTrue();
            assertThat(verification.unsealed().events()).isGreaterThanOrEqualTo(1);
            assertThat(verification.unsealed().oldestRecordedAt()).isNotNull();
            assertThat(verification.unsealed().oldestAgeMillis()).isNotNull().isNotNegative();
        } finally {
            release.countDown();
            headHolder.get(1, TimeUnit.MINUTES);
        }
        AuditLog.Verification after = log.verify();
        assertThat(after.intact()).isTrue();
        assertThat(log.forModel("WAIT-" + run)).allMatch(AuditEvent::sealed);
    }
}
