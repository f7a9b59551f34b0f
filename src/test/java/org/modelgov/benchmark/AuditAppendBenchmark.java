package org.modelgov.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modelgov.audit.AuditHashChain;
import org.modelgov.audit.AuditLog;
import org.modelgov.audit.AuditTrail;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit trail adds to a business transaction under 8 concurrent clients: each transaction writes rows to
 * a scratch table and records 3 audit events, against the same transaction without audit. "Lock per record" is
 * the audit trail before issue 14 (SELECT ... FOR UPDATE on the chain head, the insert and the head update inside
 * the caller's transaction), replayed statement for statement on scratch copies of its tables; "append + sealer"
 * is AuditTrail.record() as it is now, with the background sealer running. Writes target/bench/audit-append.md.
 * Not part of the normal test run: -Dmodelgov.benchmarks=true, on H2 or, with the PostgreSQL variables, on
 * PostgreSQL.
 */
@ModelGovIntegrationTest
@EnabledIfSystemProperty(named = "modelgov.benchmarks", matches = "true")
class AuditAppendBenchmark {

    private static final int CLIENTS = 8;
    private static final int TRANSACTIONS_PER_CLIENT = 250;
    private static final int WARMUP_PER_CLIENT = 30;
    private static final int ROUNDS = 3;

    /** How the 3 events of a transaction are recorded. */
    enum Mode { NO_AUDIT, LOCK_PER_RECORD, APPEND_AND_SEALER }

    /** Scratch rows written per transaction: 1 (the brief's small transaction) or 30 (a process start writes many). */
    private static final int[] WORK_ROWS = {1, 30};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditLog log;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void auditOverheadUnderEightClients() throws Exception {
        scratchTables();
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        StringBuilder report = new StringBuilder("# Audit append under " + CLIENTS + " concurrent clients\n\n"
                + "Database: " + database + "; " + CLIENTS + " threads x " + TRANSACTIONS_PER_CLIENT
                + " transactions per run, after " + WARMUP_PER_CLIENT + " warm-up each; each transaction inserts N"
                + " scratch rows and records 3 audit events (the first before the scratch rows, the others after);"
                + " median of " + ROUNDS + " interleaved rounds. Overhead = mean transaction time with audit / without"
                + " - 1.\n\n"
                + "| rows per tx | mode | tx/s | mean ms | p50 ms | p95 ms | max ms | overhead vs no audit |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int rows : WORK_ROWS) {
            Map<Mode, List<Result>> results = new LinkedHashMap<>();
            for (Mode mode : Mode.values()) {
                run(mode, rows, WARMUP_PER_CLIENT);
                results.put(mode, new ArrayList<>());
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Mode mode : Mode.values()) {
                    results.get(mode).add(run(mode, rows, TRANSACTIONS_PER_CLIENT));
                }
            }
            Result none = median(results.get(Mode.NO_AUDIT));
            for (Mode mode : Mode.values()) {
                Result r = median(results.get(mode));
                report.append(String.format("| %d | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %s |%n", rows,
                        mode.name().toLowerCase().replace('_', ' '), r.perSecond(), r.meanMillis(), r.p50(), r.p95(),
                        r.max(), mode == Mode.NO_AUDIT ? "-"
                                : String.format("%+.1f %%", (r.meanMillis() / none.meanMillis() - 1) * 100)));
            }
        }
        long sealStart = System.nanoTime();
        AuditLog.Verification verification = log.verify();
        double verifyMillis = (System.nanoTime() - sealStart) / 1e6;
        assertThat(verification.intact()).as(String.valueOf(verification.firstBreak())).isTrue();
        report.append(String.format("%nAfterwards: seal of what was left + verification of the whole chain (%d"
                + " events) took %.0f ms; chain intact.%n", verification.verifiedUpTo(), verifyMillis));
        Path out = Path.of("target/bench/audit-append.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private Result run(Mode mode, int rows, int perClient) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<double[]>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(clients.submit(() -> {
                    start.await();
                    double[] millis = new double[perClient];
                    TransactionTemplate tx = new TransactionTemplate(transactions);
                    for (int i = 0; i < perClient; i++) {
                        long t0 = System.nanoTime();
                        tx.executeWithoutResult(status -> businessTransaction(mode, rows, client));
                        millis[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    return millis;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            List<Double> all = new ArrayList<>();
            for (Future<double[]> f : futures) {
                for (double m : f.get(30, TimeUnit.MINUTES)) {
                    all.add(m);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(sorted.length / seconds, Arrays.stream(sorted).average().orElse(0),
                    sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1]);
        } finally {
            clients.shutdownNow();
        }
    }

    private void businessTransaction(Mode mode, int rows, int client) {
        String subject = "BENCH-AUDIT:" + client;
        record(mode, "LIFECYCLE_STARTED", subject);
        for (int r = 0; r < rows; r++) {
            jdbc.update("INSERT INTO modelgov.bench_work (id, client, payload) VALUES (?, ?, ?)",
                    UUID.randomUUID().toString(), client, "row " + r + " of a business transaction");
        }
        record(mode, "RISK_TIER_RECORDED", subject);
        record(mode, "NEXT_REVIEW_SCHEDULED", subject);
    }

    private void record(Mode mode, String action, String entityId) {
        switch (mode) {
            case NO_AUDIT -> { }
            case APPEND_AND_SEALER -> trail.record("bench", action, "MODEL_VERSION", entityId, Map.of("bench", true));
            case LOCK_PER_RECORD -> recordUnderHeadLock(action, entityId);
        }
    }

    /** JdbcAuditTrail.record() before issue 14, on scratch copies of its tables. */
    private void recordUnderHeadLock(String action, String entityId) {
        String details = "{\"bench\":true}";
        Object[] head = jdbc.queryForObject(
                "SELECT last_seq, last_hash FROM modelgov.bench_old_audit_head WHERE id = 1 FOR UPDATE",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long seq = (Long) head[0] + 1;
        String prev = (String) head[1];
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHashChain.hash(seq, now, "bench", action, "MODEL_VERSION", entityId, details, prev);
        jdbc.update("INSERT INTO modelgov.bench_old_audit_event (seq, occurred_at, actor, action, entity_type,"
                        + " entity_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, now.atOffset(ZoneOffset.UTC), "bench", action, "MODEL_VERSION", entityId, details, prev, hash);
        jdbc.update("UPDATE modelgov.bench_old_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
    }

    private void scratchTables() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS modelgov.bench_work (id VARCHAR(36) NOT NULL PRIMARY KEY,"
                + " client INTEGER NOT NULL, payload VARCHAR(200) NOT NULL)");
        // audit_event and audit_chain_head as V1 created them
        jdbc.execute("CREATE TABLE IF NOT EXISTS modelgov.bench_old_audit_event (seq BIGINT NOT NULL PRIMARY KEY,"
                + " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, actor VARCHAR(64) NOT NULL,"
                + " action VARCHAR(64) NOT NULL, entity_type VARCHAR(32) NOT NULL, entity_id VARCHAR(128) NOT NULL,"
                + " details VARCHAR(16000) NOT NULL, prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS modelgov.bench_old_audit_head (id INTEGER NOT NULL PRIMARY KEY,"
                + " last_seq BIGINT NOT NULL, last_hash VARCHAR(64) NOT NULL)");
        if (jdbc.queryForObject("SELECT COUNT(*) FROM modelgov.bench_old_audit_head", Integer.class) == 0) {
            jdbc.update("INSERT INTO modelgov.bench_old_audit_head VALUES (1, 0, ?)", AuditHashChain.GENESIS);
        }
    }

    private static Result median(List<Result> rounds) {
        List<Result> byMean = new ArrayList<>(rounds);
        byMean.sort((a, b) -> Double.compare(a.meanMillis(), b.meanMillis()));
        return byMean.get(byMean.size() / 2);
    }

    private record Result(double perSecond, double meanMillis, double p50, double p95, double max) {
    }
}
