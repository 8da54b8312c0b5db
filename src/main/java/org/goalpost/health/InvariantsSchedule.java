package org.goalpost.health;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the invariants once the app is ready (each instance, for its own health indicator), then
 * every {@code GOALPOST_INVARIANTS_INTERVAL} (default 1 h) on one instance at a time.
 */
@Component
class InvariantsSchedule {

    private static final Logger log = LoggerFactory.getLogger(InvariantsSchedule.class);

    private final Invariants invariants;
    private final TaskExecutor background;

    InvariantsSchedule(Invariants invariants, @Qualifier("applicationTaskExecutor") TaskExecutor background) {
        this.invariants = invariants;
        this.background = background;
    }

    /** In the background: the check reads the whole ledger (seconds at a million rows) and must not delay readiness. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        background.execute(this::runQuietly);
    }

    @Scheduled(
            fixedDelayString = "${goalpost.invariants.interval:1h}",
            initialDelayString = "${goalpost.invariants.interval:1h}")
    @SchedulerLock(name = "invariants")
    void periodically() {
        runQuietly();
    }

    private void runQuietly() {
        try {
            Invariants.Report report = invariants.run();
            log.info("Invariants checked in {} ms: {}", report.millis(), report.healthy() ? "all hold" : "BROKEN");
        } catch (RuntimeException e) {
            log.warn("Invariants could not be checked: {}", e.toString());
        }
    }
}
