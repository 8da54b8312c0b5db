package org.goalpost.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.Donations;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.goalpost.shared.web.UpstreamFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Nothing lost after an outage (Kill Bill's janitor): reads the gateway's events since the last
 * checkpoint, page by page, and passes every one the inbox does not have through the same
 * processor as the webhook; then settles donations still pending a day after they were opened by
 * asking the gateway that opened them what became of their checkout. Running it twice, or while
 * the webhook catches up, counts nothing twice: the inbox and the ledger keys see to that.
 *
 * <p>One bad item never stops it: an event or a pending donation that fails is parked with its
 * error ({@link ParkedItems}) and tried again on later runs, and the checkpoint moves past it. Only
 * a page of the event list that cannot be read (Stripe down, or rate-limiting us) ends the
 * listing early; the checkpoint then stays where it was, and the next run reads again from there
 * (the events already handled are duplicates that cost no call).
 */
@Service
public class Reconciler {

    /** Events can appear in the gateway's list a little after their creation time: read back this far. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /** Without a checkpoint, read as far back as Stripe keeps events. */
    static final Duration FIRST_RUN = Duration.ofDays(30);
    /** A checkout closes 24 h after it opened; later than that, a pending donation is settled. */
    static final Duration PENDING_AGE = Duration.ofHours(24).plusMinutes(10);
    /** A refund or dispute that waited this long for its payment belongs to another integration on the account. */
    static final Duration WAITING_LIMIT = Duration.ofDays(90);

    private static final String CHECKPOINT = "gateway-events";
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /**
     * One run: events read and what became of them, parked items tried again, pending donations
     * settled; {@code listingComplete} is false when a page of the event list could not be read
     * ({@code listingError} says why), in which case the checkpoint did not move.
     */
    public record Report(
            Instant startedAt,
            Instant readSince,
            int events,
            int applied,
            int duplicates,
            int noEffect,
            int parked,
            int retried,
            int recovered,
            int pendingChecked,
            int pendingSettled,
            boolean listingComplete,
            String listingError) {}

    private final PaymentGateway gateway;
    private final EventProcessor processor;
    private final Donations donations;
    private final ParkedItems parkedItems;
    private final WaitingFacts waiting;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PaymentMetrics metrics;

    Reconciler(
            PaymentGateway gateway,
            EventProcessor processor,
            Donations donations,
            ParkedItems parkedItems,
            WaitingFacts waiting,
            JdbcClient jdbc,
            Clock clock,
            PaymentMetrics metrics) {
        this.gateway = gateway;
        this.processor = processor;
        this.donations = donations;
        this.parkedItems = parkedItems;
        this.waiting = waiting;
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Counts for one run, filled as it goes. */
    private static final class Tally {
        int events;
        int applied;
        int duplicates;
        int noEffect;
        int parked;
        int retried;
        int recovered;
        int pendingChecked;
        int pendingSettled;
        Instant newest;
    }

    public synchronized Report run() {
        Instant started = clock.instant();
        Instant since = checkpoint().map(at -> at.minus(OVERLAP)).orElse(started.minus(FIRST_RUN));
        Tally tally = new Tally();
        retryDue(tally);
        Set<String> held = parkedItems.heldKeys();
        String listingError = null;
        try {
            gateway.eachEventSince(since, event -> {
                tally.events++;
                tally.newest =
                        tally.newest == null || event.created().isAfter(tally.newest) ? event.created() : tally.newest;
                if (!held.contains(ParkedItems.key(ParkedItems.Kind.EVENT, event.id()))) {
                    handle(event, tally);
                }
            });
            if (tally.newest != null) {
                saveCheckpoint(tally.newest);
            }
        } catch (UpstreamFailureException e) {
            listingError = e.getMessage();
            log.warn(
                    "Reconciler: the event list could not be read past {} event(s) ({}); the checkpoint stays "
                            + "and the next run reads "
                            + "again from it",
                    tally.events,
                    e.getMessage());
        }
        List<Donation> pending = donations.pendingOpenedBefore(started.minus(PENDING_AGE), 500);
        for (Donation donation : pending) {
            if (!held.contains(ParkedItems.key(ParkedItems.Kind.PENDING, donation.publicId()))) {
                tally.pendingChecked++;
                settleParking(donation, tally);
            }
        }
        int forgotten = waiting.forgetOlderThan(started.minus(WAITING_LIMIT));
        if (forgotten > 0) {
            log.info(
                    "Reconciler: dropped {} refund/dispute fact(s) that waited {} days for a payment of "
                            + "another integration",
                    forgotten,
                    WAITING_LIMIT.toDays());
        }
        Report report = new Report(
                started,
                since,
                tally.events,
                tally.applied,
                tally.duplicates,
                tally.noEffect,
                tally.parked,
                tally.retried,
                tally.recovered,
                tally.pendingChecked,
                tally.pendingSettled,
                listingError == null,
                listingError);
        metrics.reconciled(tally.applied + tally.pendingSettled + tally.recovered);
        if (tally.applied > 0
                || tally.pendingSettled > 0
                || tally.parked > 0
                || tally.recovered > 0
                || listingError != null) {
            log.warn(
                    "Reconciler applied {} event(s) the webhook had missed, settled {} pending donation(s), "
                            + "parked {} item(s), "
                            + "recovered {} parked item(s): {}",
                    tally.applied,
                    tally.pendingSettled,
                    tally.parked,
                    tally.recovered,
                    report);
        } else {
            log.info("Reconciler: nothing missed ({})", report);
        }
        return report;
    }

    /** Tries one parked item again now (an admin asked): whether it was handled. */
    public synchronized boolean retry(String key) {
        Optional<ParkedItems.Item> item = parkedItems.find(key).filter(i -> i.state() == ParkedItems.State.PARKED);
        if (item.isEmpty()) {
            return false;
        }
        Tally tally = new Tally();
        retryOne(item.get(), tally);
        return tally.recovered == 1;
    }

    private void retryDue(Tally tally) {
        for (ParkedItems.Item item : parkedItems.due(200)) {
            retryOne(item, tally);
        }
    }

    private void retryOne(ParkedItems.Item item, Tally tally) {
        tally.retried++;
        try {
            boolean done = switch (item.kind()) {
                case EVENT -> {
                    IncomingEvent event = gateway.event(item.ref())
                            .orElseThrow(() -> new IllegalStateException("the gateway no longer has event " + item.ref()
                                    + " (Stripe keeps events 30 days): dismiss it once checked"));
                    processor.process(event, "RECONCILER");
                    yield true;
                }
                case PENDING -> {
                    Optional<Donation> donation = donations.findByPublicId(item.ref());
                    yield donation.isEmpty()
                            || donation.get().status() != DonationStatus.PENDING
                            || settle(donation.get());
                }
            };
            if (done) {
                parkedItems.resolved(item.key());
                tally.recovered++;
            }
        } catch (RuntimeException e) {
            ParkedItems.Item again = parkedItems.park(item.kind(), item.ref(), item.label(), item.livemode(), e);
            log.warn(
                    "Reconciler: parked {} failed again (attempt {}), next try at {}: {}",
                    item.key(),
                    again.attempts(),
                    again.nextAttemptAt(),
                    again.error());
        }
    }

    private void handle(IncomingEvent event, Tally tally) {
        try {
            switch (processor.process(event, "RECONCILER")) {
                case APPLIED -> tally.applied++;
                case DUPLICATE -> tally.duplicates++;
                case NO_EFFECT -> tally.noEffect++;
            }
        } catch (RuntimeException e) {
            tally.parked++;
            ParkedItems.Item item =
                    parkedItems.park(ParkedItems.Kind.EVENT, event.id(), event.type(), event.livemode(), e);
            log.warn(
                    "Reconciler: event {} ({}) parked, next try at {}: {}",
                    event.id(),
                    event.type(),
                    item.nextAttemptAt(),
                    item.error());
        }
    }

    private void settleParking(Donation donation, Tally tally) {
        try {
            if (settle(donation)) {
                tally.pendingSettled++;
            }
        } catch (RuntimeException e) {
            tally.parked++;
            ParkedItems.Item item = parkedItems.park(
                    ParkedItems.Kind.PENDING, donation.publicId(), "pending donation", donation.livemode(), e);
            log.warn(
                    "Reconciler: pending donation {} parked, next try at {}: {}",
                    donation.publicId(),
                    item.nextAttemptAt(),
                    item.error());
        }
    }

    /**
     * Settles one pending donation: the gateway that opened it, in its mode, is asked; a donation
     * this gateway did not open (the test gateway's, or Stripe's in the other mode) cannot be asked
     * and is settled as abandoned, saying why. Whether it changed.
     */
    private boolean settle(Donation donation) {
        List<PaymentFact> facts = gateway.opened(donation)
                ? gateway.settle(donation)
                : List.of(new PaymentFact.CheckoutClosed(
                        donation.publicId(),
                        donation.checkoutSessionId(),
                        DonationStatus.ABANDONED,
                        "opened through " + donation.channel().name().toLowerCase() + " in "
                                + (donation.livemode() ? "live" : "test") + " mode, which this instance ("
                                + gateway.name() + ") cannot ask"));
        if (facts.isEmpty()) {
            return false;
        }
        IncomingEvent settlement = new IncomingEvent(
                "settle_" + donation.publicId(),
                "goalpost.pending_settled",
                donation.livemode(),
                clock.instant(),
                () -> facts);
        return processor.process(settlement, "RECONCILER") == EventProcessor.Result.APPLIED;
    }

    private Optional<Instant> checkpoint() {
        return jdbc.sql("SELECT position_at FROM reconcile_checkpoint WHERE name = ?")
                .param(CHECKPOINT)
                .query((rs, n) -> DbTime.read(rs, "position_at"))
                .optional();
    }

    private void saveCheckpoint(Instant at) {
        String now = DbTime.param(clock.instant());
        int updated = jdbc.sql("UPDATE reconcile_checkpoint SET position_at = GREATEST(position_at, ?), updated_at = "
                        + "? WHERE name = ?")
                .params(DbTime.param(at), now, CHECKPOINT)
                .update();
        if (updated == 0) {
            DuplicateKeys.insertUnlessPresent(
                    () -> jdbc.sql("INSERT INTO reconcile_checkpoint (name, position_at, updated_at) VALUES (?, ?, ?)")
                            .params(CHECKPOINT, DbTime.param(at), now)
                            .update());
        }
    }
}
