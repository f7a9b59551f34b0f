package org.modelgov.audit;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's sequencer: chains committed, unsealed events into the hash chain, a batch per short transaction
 * of its own, under the lock on the chain head row. Writers never take that lock, so they never wait for it; two
 * sealers (two nodes, or a reader sealing before it verifies) queue on it and cannot fork the chain. Runs every
 * {@code modelgov.audit.seal-interval} ({@link AuditSealingJob}) and before anything that shows or checks hashes.
 */
@Component
class AuditSealer {

    static final int BATCH = 1000;
    /** Bounds one run when writers outpace it; the next run goes on. */
    private static final int MAX_BATCHES_PER_RUN = 100;
    /** H2 gives up waiting for a row lock after a while (PostgreSQL waits): then another sealer holds the head. */
    private static final int LOCK_ATTEMPTS = 30;

    private final JdbcAuditTrail trail;
    private final TransactionTemplate ownTransaction;

    AuditSealer(JdbcAuditTrail trail, PlatformTransactionManager transactions) {
        this.trail = trail;
        this.ownTransaction = new TransactionTemplate(transactions);
        // never inside a caller's transaction: the head lock must be held only for the batch
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Seals every event committed before the call (up to {@value #MAX_BATCHES_PER_RUN} batches).
     *
     * @return how many events this call sealed
     */
    int sealPending() {
        int sealed = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN && trail.anyUnsealed(); batch++) {
            int n = sealBatch();
            sealed += n;
            if (n < BATCH) {
                break;
            }
        }
        return sealed;
    }

    private int sealBatch() {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer n = ownTransaction.execute(tx -> trail.sealNext(BATCH));
                return n == null ? 0 : n;
            } catch (TransientDataAccessException e) {
                // the other sealer's batch is short: wait for it again rather than fail a verification
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
