package org.modelgov.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and verifying the audit log. */
@Service
public class AuditLog {

    private static final int VERIFY_BATCH = 1000;

    private final JdbcAuditTrail trail;

    AuditLog(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    /** Everything recorded about a model and its versions, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> forModel(String modelId) {
        return trail.forEntityPrefix(modelId);
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

    /** Walks the whole chain in batches; reports the first break, if any. */
    @Transactional(readOnly = true)
    public Verification verify() {
        long head = trail.headSeq();
        long seq = 0;
        String hash = AuditHashChain.GENESIS;
        while (seq < head) {
            List<AuditEvent> batch = trail.after(seq, VERIFY_BATCH);
            if (batch.isEmpty()) {
                return new Verification(false, seq, Optional.of(new AuditHashChain.Break(seq + 1,
                        "events up to " + head + " are missing")));
            }
            Optional<AuditHashChain.Break> broken = AuditHashChain.firstBreak(batch, seq, hash);
            if (broken.isPresent()) {
                return new Verification(false, seq, broken);
            }
            AuditEvent last = batch.get(batch.size() - 1);
            seq = last.seq();
            hash = last.hash();
        }
        return new Verification(true, seq, Optional.empty());
    }

    /** Result of walking the chain: intact up to {@code verifiedUpTo}, or where it breaks. */
    public record Verification(boolean intact, long verifiedUpTo, Optional<AuditHashChain.Break> firstBreak) {
    }
}
