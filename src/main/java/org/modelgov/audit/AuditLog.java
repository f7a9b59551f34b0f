package org.modelgov.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading and verifying the audit log. */
@Service
public class AuditLog {

    private static final int VERIFY_BATCH = 1000;

    private final JdbcAuditTrail trail;
    private final AuditSealer sealer;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    AuditLog(JdbcAuditTrail trail, AuditSealer sealer, PlatformTransactionManager transactions, Clock clock) {
        this.trail = trail;
        this.clock = clock;
        this.sealer = sealer;
        this.snapshot = new TransactionTemplate(transactions);
        // one snapshot for the whole walk: a sealer committing meanwhile must not look like rows past the head
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Everything recorded about a model and what belongs to it (versions, incidents, reports), oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> forModel(String modelId) {
        return trail.forModel(modelId);
    }

    /** When each action was last recorded about a model and what belongs to it: action → latest occurrence. */
    @Transactional(readOnly = true)
    public Map<String, Instant> lastOccurrences(String modelId) {
        return trail.lastOccurrences(modelId);
    }

    /**
     * Seals every event committed so far into the hash chain, in transactions of its own: called before showing
     * or checking hashes, so "record, then verify" needs no wait for the background sealer.
     */
    public void sealPending() {
        sealer.sealPending();
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> latest(int limit) {
        return trail.latest(limit);
    }

    /** One page of the events that match, with how many match in all. */
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query) {
        return new AuditPage(trail.page(query), query.page(), query.size(), trail.count(query));
    }

    /**
     * Hands every matching event to {@code consumer}, one at a time, in one read-only transaction (a
     * consistent snapshot, and PostgreSQL streams rows only inside a transaction).
     */
    @Transactional(readOnly = true)
    public void forEach(AuditQuery query, java.util.function.Consumer<AuditEvent> consumer) {
        trail.forEach(query, consumer);
    }

    /** The chain head as it stands: the last sealed position and its hash. */
    @Transactional(readOnly = true)
    public Head chainHead() {
        JdbcAuditTrail.ChainHead head = trail.head();
        return new Head(head.lastSeq(), head.lastHash());
    }

    /** The chain head: the last sealed position ({@code 0} before the first event) and its hash. */
    public record Head(long seq, String hash) {
    }

    /** The chain position of the model's first sealed event, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> firstChainSeqOfModel(String modelId) {
        return trail.firstChainSeqOfModel(modelId);
    }

    /**
     * Hands the model's sealed events up to chain position {@code upToChainSeq} to {@code consumer} in chain order,
     * in one read-only transaction (PostgreSQL streams rows only inside one).
     */
    @Transactional(readOnly = true)
    public void forEachModelEventInChain(String modelId, long upToChainSeq,
                                         java.util.function.Consumer<AuditEvent> consumer) {
        trail.forEachModelEventInChain(modelId, upToChainSeq, consumer);
    }

    /** Hands every chain link from position {@code from} to {@code to} to {@code consumer}, in chain order. */
    @Transactional(readOnly = true)
    public void forEachLink(long from, long to, java.util.function.Consumer<ChainLink> consumer) {
        trail.forEachLink(from, to, consumer);
    }

    /**
     * How often each action was recorded per UTC month, for the {@code months} months up to and including
     * the one {@code now} falls in; every month is present, oldest first.
     */
    @Transactional(readOnly = true)
    public List<MonthlyCount> monthlyCounts(List<String> actions, java.time.Instant now, int months) {
        java.time.YearMonth last = java.time.YearMonth.from(now.atZone(java.time.ZoneOffset.UTC));
        java.time.YearMonth first = last.minusMonths(months - 1L);
        java.util.Map<java.time.YearMonth, java.util.Map<String, Long>> counts = new java.util.TreeMap<>();
        for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            java.util.Map<String, Long> zero = new java.util.LinkedHashMap<>();
            actions.forEach(a -> zero.put(a, 0L));
            counts.put(m, zero);
        }
        for (JdbcAuditTrail.ActionAt a : trail.actionsSince(actions,
                first.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
            java.util.Map<String, Long> month = counts.get(java.time.YearMonth.from(a.at().atZone(java.time.ZoneOffset.UTC)));
            if (month != null) {
                month.merge(a.action(), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream().map(e -> new MonthlyCount(e.getKey(), e.getValue())).toList();
    }

    /** The number of events per action in one month. */
    public record MonthlyCount(java.time.YearMonth month, java.util.Map<String, Long> byAction) {

        public long of(String action) {
            return byAction.getOrDefault(action, 0L);
        }
    }

    /**
     * Seals what is committed, then walks the whole chain in chain order, in batches, in one snapshot: reports the
     * first break, if any, and the events still unsealed (committed after the seal, or by a transaction that was
     * still open).
     */
    public Verification verify() {
        sealer.sealPending();
        return verifySealed();
    }

    /** Walks the chain as it is, without sealing first. */
    Verification verifySealed() {
        return snapshot.execute(tx -> walkChain());
    }

    private Verification walkChain() {
        JdbcAuditTrail.ChainHead head = trail.head();
        Unsealed unsealed = Unsealed.of(trail.unsealed(), clock.instant());
        long seq = 0;
        String hash = AuditHashChain.GENESIS;
        while (seq < head.lastSeq()) {
            List<AuditEvent> batch = trail.chainAfter(seq, (int) Math.min(VERIFY_BATCH, head.lastSeq() - seq));
            if (batch.isEmpty()) {
                return Verification.broken(seq, new AuditHashChain.Break(seq + 1,
                        "events up to chain position " + head.lastSeq() + " are missing"), unsealed);
            }
            Optional<AuditHashChain.Break> broken = AuditHashChain.firstBreak(batch, seq, hash);
            if (broken.isPresent()) {
                return Verification.broken(seq, broken.get(), unsealed);
            }
            AuditEvent last = batch.get(batch.size() - 1);
            seq = last.chainSeq();
            hash = last.hash();
        }
        if (!hash.equals(head.lastHash())) {
            return Verification.broken(seq, new AuditHashChain.Break(seq,
                    "the chain head does not match the last event's hash"), unsealed);
        }
        // the sealer moves the head with every event it chains: a position past the head was written by someone else
        Optional<Long> beyond = trail.firstChainSeqAbove(head.lastSeq());
        if (beyond.isPresent()) {
            return Verification.broken(seq, new AuditHashChain.Break(beyond.get(),
                    "an event at chain position " + beyond.get() + " lies past the chain head (inserted)"), unsealed);
        }
        return new Verification(true, seq, Optional.empty(), unsealed);
    }

    /**
     * Result of walking the chain: intact up to chain position {@code verifiedUpTo}, or where it breaks; and the
     * events not sealed yet. An unsealed event is not protected by the chain until the sealer chains it.
     */
    public record Verification(boolean intact, long verifiedUpTo, Optional<AuditHashChain.Break> firstBreak,
                               Unsealed unsealed) {

        static Verification broken(long verifiedUpTo, AuditHashChain.Break at, Unsealed unsealed) {
            return new Verification(false, verifiedUpTo, Optional.of(at), unsealed);
        }
    }

    /**
     * Committed events the sealer has not chained yet: how many, when the oldest was recorded and how long ago
     * in milliseconds (both null when none). Normally below a seal interval; more means the sealer is not running.
     */
    public record Unsealed(long events, Instant oldestRecordedAt, Long oldestAgeMillis) {

        static Unsealed of(JdbcAuditTrail.Unsealed stored, Instant now) {
            Instant oldest = stored.oldestRecordedAt();
            return new Unsealed(stored.count(), oldest,
                    oldest == null ? null : Math.max(0, Duration.between(oldest, now).toMillis()));
        }
    }
}
