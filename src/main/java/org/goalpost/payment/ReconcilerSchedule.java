package org.goalpost.payment;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reconciler every {@code GOALPOST_RECONCILE_INTERVAL} (a duration such as {@code 30s} or
 * {@code 15m}; default 15m), on one instance at a time when several share the database.
 */
@Component
@ConditionalOnProperty(name = "goalpost.payments.reconcile-enabled", havingValue = "true", matchIfMissing = true)
class ReconcilerSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconcilerSchedule.class);

    private final Reconciler reconciler;

    ReconcilerSchedule(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Scheduled(
            fixedDelayString = "${goalpost.payments.reconcile-interval:15m}",
            initialDelayString = "${goalpost.payments.reconcile-initial-delay:60s}")
    @SchedulerLock(name = "reconciler")
    void reconcile() {
        try {
            reconciler.run();
        } catch (RuntimeException e) {
            log.warn("Reconciler run failed; the next run tries again: {}", e.getMessage());
        }
    }
}
