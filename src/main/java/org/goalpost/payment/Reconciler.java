package org.goalpost.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.goalpost.donation.Donation;
import org.goalpost.donation.Donations;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Nothing lost after an outage (Kill Bill's janitor): reads the gateway's events since the last
 * checkpoint and passes every one the inbox does not have through the same processor as the
 * webhook; then settles donations still pending a day after they were opened by asking the
 * gateway what became of their checkout. Running it twice, or while the webhook catches up,
 * counts nothing twice: the inbox and the ledger keys see to that.
 */
@Service
public class Reconciler {

    /** Events can appear in the gateway's list a little after their creation time: read back this far. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /** Without a checkpoint, read as far back as Stripe keeps events. */
    static final Duration FIRST_RUN = Duration.ofDays(30);
    /** A checkout closes 24 h after it opened; later than that, a pending donation is settled. */
    static final Duration PENDING_AGE = Duration.ofHours(24).plusMinutes(10);
    private static final String CHECKPOINT = "gateway-events";
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    public record Report(Instant startedAt, Instant readSince, int events, int applied, int duplicates, int noEffect,
            int pendingChecked, int pendingSettled) {
    }

    private final PaymentGateway gateway;
    private final EventProcessor processor;
    private final Donations donations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PaymentMetrics metrics;

    Reconciler(PaymentGateway gateway, EventProcessor processor, Donations donations, JdbcClient jdbc, Clock clock,
            PaymentMetrics metrics) {
        this.gateway = gateway;
        this.processor = processor;
        this.donations = donations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    public synchronized Report run() {
        Instant started = clock.instant();
        Instant since = checkpoint().map(at -> at.minus(OVERLAP)).orElse(started.minus(FIRST_RUN));
        int applied = 0;
        int duplicates = 0;
        int noEffect = 0;
        Instant newest = null;
        List<IncomingEvent> events = gateway.eventsSince(since);
        for (IncomingEvent event : events) {
            switch (processor.process(event, "RECONCILER")) {
                case APPLIED -> applied++;
                case DUPLICATE -> duplicates++;
                case NO_EFFECT -> noEffect++;
            }
            newest = newest == null || event.created().isAfter(newest) ? event.created() : newest;
        }
        if (newest != null) {
            saveCheckpoint(newest);
        }
        List<Donation> pending = donations.pendingOpenedBefore(started.minus(PENDING_AGE), 500);
        int settled = 0;
        for (Donation donation : pending) {
            List<PaymentFact> facts = gateway.settle(donation);
            if (!facts.isEmpty()) {
                IncomingEvent settlement = new IncomingEvent("settle_" + donation.publicId(), "goalpost.pending_settled",
                        donation.livemode(), started, () -> facts);
                if (processor.process(settlement, "RECONCILER") == EventProcessor.Result.APPLIED) {
                    settled++;
                }
            }
        }
        Report report = new Report(started, since, events.size(), applied, duplicates, noEffect, pending.size(), settled);
        metrics.reconciled(applied + settled);
        if (applied > 0 || settled > 0) {
            log.warn("Reconciler applied {} event(s) the webhook had missed and settled {} pending donation(s): {}", applied, settled, report);
        } else {
            log.info("Reconciler: nothing missed ({})", report);
        }
        return report;
    }

    private Optional<Instant> checkpoint() {
        return jdbc.sql("SELECT position_at FROM reconcile_checkpoint WHERE name = ?").param(CHECKPOINT)
                .query((rs, n) -> DbTime.read(rs, "position_at")).optional();
    }

    private void saveCheckpoint(Instant at) {
        String now = DbTime.param(clock.instant());
        int updated = jdbc.sql("UPDATE reconcile_checkpoint SET position_at = GREATEST(position_at, ?), updated_at = ? WHERE name = ?")
                .params(DbTime.param(at), now, CHECKPOINT).update();
        if (updated == 0) {
            DuplicateKeys.insertUnlessPresent(() -> jdbc.sql(
                            "INSERT INTO reconcile_checkpoint (name, position_at, updated_at) VALUES (?, ?, ?)")
                    .params(CHECKPOINT, DbTime.param(at), now).update());
        }
    }
}
