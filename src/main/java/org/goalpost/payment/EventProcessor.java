package org.goalpost.payment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.goalpost.shared.db.Transactions;
import org.goalpost.shared.web.UpstreamFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Applies a gateway event exactly once: its inbox row and all its effects are written in one
 * transaction, so a duplicate (a second delivery, or the reconciler finding it again) changes
 * nothing, and a failure half-way leaves nothing behind; the gateway delivers it again later.
 */
@Service
public class EventProcessor {

    private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);

    /** What happened to an event. */
    public enum Result {
        APPLIED,
        NO_EFFECT,
        DUPLICATE
    }

    /** How many recently settled event ids each instance remembers, to answer Stripe's duplicates without a query. */
    static final int RECENT_IDS = 20_000;

    private final Inbox inbox;
    private final Cache<String, Boolean> recent = recentIds(RECENT_IDS);
    private final PaymentLedger paymentLedger;
    private final Transactions transactions;
    private final Clock clock;
    private final PaymentMetrics metrics;
    private final DeclineWatch declines;
    private final ApplicationEventPublisher events;

    EventProcessor(
            Inbox inbox,
            PaymentLedger paymentLedger,
            Transactions transactions,
            Clock clock,
            PaymentMetrics metrics,
            DeclineWatch declines,
            ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.paymentLedger = paymentLedger;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
        this.declines = declines;
        this.events = events;
    }

    /**
     * Whether this instance has lately committed the event with this id (memory only: no query);
     * when it has, the delivery is counted as a duplicate and needs nothing more.
     */
    public boolean settledLately(String eventId, String receivedBy) {
        if (!recent.asMap().containsKey(eventId)) {
            return false;
        }
        metrics.duplicate(receivedBy);
        return true;
    }

    /**
     * @param receivedBy {@code WEBHOOK}, {@code RECONCILER} or {@code TEST_GATEWAY}
     * @throws UpstreamFailureException when the gateway could not be asked what the event means (try again later)
     */
    public Result process(IncomingEvent event, String receivedBy) {
        try {
            Result result = settle(event, receivedBy);
            metrics.settled(event, receivedBy, result);
            return result;
        } catch (RuntimeException e) {
            metrics.failed(receivedBy);
            throw e;
        }
    }

    private Result settle(IncomingEvent event, String receivedBy) {
        if (recent.asMap().containsKey(event.id()) || inbox.contains(event.id())) {
            recent.put(event.id(), Boolean.TRUE);
            return Result.DUPLICATE;
        }
        List<PaymentFact> facts = factsOf(event);
        Result result = transactions.inTransaction(() -> {
            if (!inbox.record(event, receivedBy, clock.instant())) {
                return Result.DUPLICATE;
            }
            boolean changed = false;
            Long donationId = null;
            List<String> summary = new ArrayList<>();
            for (PaymentFact fact : facts) {
                PaymentLedger.Applied applied = paymentLedger.apply(fact, event.id());
                events.publishEvent(new FactApplied(fact, applied.changed(), applied.donationId()));
                changed |= applied.changed();
                donationId = donationId != null ? donationId : applied.donationId();
                if (applied.summary() != null) {
                    summary.add(applied.summary());
                }
            }
            Inbox.Outcome outcome = changed ? Inbox.Outcome.APPLIED : Inbox.Outcome.NO_EFFECT;
            inbox.outcome(event.id(), outcome, donationId, summary.isEmpty() ? null : String.join("; ", summary));
            return changed ? Result.APPLIED : Result.NO_EFFECT;
        });
        // only once committed: an event whose transaction failed must be taken again when it comes back
        recent.put(event.id(), Boolean.TRUE);
        if (result != Result.DUPLICATE) {
            declines.saw(facts);
        }
        log.debug("Event {} {} via {}: {}", event.id(), event.type(), receivedBy, result);
        return result;
    }

    private static List<PaymentFact> factsOf(IncomingEvent event) {
        try {
            return event.facts().call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not work out what event " + event.id() + " means", e);
        }
    }

    /**
     * Event ids whose inbox row is committed (rows are never deleted), the newest {@code capacity}
     * of them. Only a shortcut: the inbox's unique key stays the guard.
     */

    /** Ids of events settled lately, bounded (Caffeine evicts what is least likely to come again). */
    static Cache<String, Boolean> recentIds(int capacity) {
        return Caffeine.newBuilder().maximumSize(capacity).build();
    }
}
