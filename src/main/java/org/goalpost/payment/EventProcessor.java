package org.goalpost.payment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.goalpost.shared.db.Transactions;
import org.goalpost.shared.web.UpstreamFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    public enum Result { APPLIED, NO_EFFECT, DUPLICATE }

    private final Inbox inbox;
    private final PaymentLedger paymentLedger;
    private final Transactions transactions;
    private final Clock clock;

    EventProcessor(Inbox inbox, PaymentLedger paymentLedger, Transactions transactions, Clock clock) {
        this.inbox = inbox;
        this.paymentLedger = paymentLedger;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param receivedBy {@code WEBHOOK}, {@code RECONCILER} or {@code TEST_GATEWAY}
     * @throws UpstreamFailureException when the gateway could not be asked what the event means (try again later)
     */
    public Result process(IncomingEvent event, String receivedBy) {
        if (inbox.contains(event.id())) {
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
                PaymentLedger.Applied applied = paymentLedger.apply(fact);
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
}
