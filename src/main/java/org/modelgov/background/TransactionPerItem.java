package org.modelgov.background;

import java.util.function.BooleanSupplier;
import org.modelgov.common.EachItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/** Each item in a new transaction that commits or rolls back alone; a failure is logged and the job goes on. */
class TransactionPerItem implements EachItem {

    private static final Logger log = LoggerFactory.getLogger(TransactionPerItem.class);

    private final TransactionTemplate ownTransaction;

    TransactionPerItem(PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        // new even when a caller has one open, so the caller's rollback cannot undo an item already done
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean run(String item, BooleanSupplier work) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> work.getAsBoolean()));
        } catch (UnexpectedRollbackException e) {
            // a service inside failed and the work already handled it (e.g. a busy lifecycle): nothing to commit
            log.info("{} was rolled back: {}", item, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.warn("{} failed and was rolled back; the others go on: {}", item, e.toString(), e);
            return false;
        }
    }
}
