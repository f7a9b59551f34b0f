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
