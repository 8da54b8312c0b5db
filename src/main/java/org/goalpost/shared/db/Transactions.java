package org.goalpost.shared.db;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in one database transaction, at READ COMMITTED: each statement sees what
 * other transactions committed (a unique key that made us wait is then visible), and InnoDB takes
 * no gap locks, which keeps deadlocks rare under concurrent webhooks. A deadlock or lock-wait timeout rolls the
 * whole transaction back on MySQL and MariaDB, so the whole unit is tried again, a bounded number
 * of times with back-off. Work that joins a transaction already under way is not retried here:
 * the outermost unit owns the retry.
 */
@Component
public class Transactions {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private final TransactionOperations transactions;
    private final RetryTemplate retry;

    public Transactions(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transactions = template;
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(5)
                .delay(Duration.ofMillis(20))
                .multiplier(2)
                .jitter(Duration.ofMillis(15))
                .maxDelay(Duration.ofMillis(500))
                .predicate(Transactions::isTransient)
                .build());
    }

    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        return retry.invoke(() -> transactions.execute(status -> work.get()));
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    static boolean isTransient(Throwable failure) {
        boolean transientFailure = failure instanceof PessimisticLockingFailureException
                || failure instanceof TransientDataAccessException;
        if (transientFailure) {
            log.info(
                    "Transaction failed on a lock ({}); trying again",
                    failure.getClass().getSimpleName());
        }
        return transientFailure;
    }
}
