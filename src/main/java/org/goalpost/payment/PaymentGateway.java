package org.goalpost.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.goalpost.donation.CancellationReason;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.shared.web.UpstreamFailureException;

/**
 * A payment provider, seen from Goalpost: Stripe, or the local test gateway. Failures are
 * {@link org.goalpost.shared.web.UpstreamFailureException}s with a message fit for the donor.
 */
public interface PaymentGateway {

    /** {@code stripe} or {@code test}. */
    String name();

    /** Opens a hosted checkout for a pending donation. Idempotent on the request's key. */
    CheckoutSession openCheckout(CheckoutRequest request);

    /**
     * Asks the gateway to refund part or all of a payment. Idempotent on the key. The money moves
     * when the gateway reports the refund (its facts, or its event later), never here.
     */
    RefundStarted refund(GatewayPayments.Payment payment, long amountMinor, String idempotencyKey);

    /** A refund the gateway accepted: its id, and the facts it reports at once (the test gateway's). */
    record RefundStarted(String refundId, String status, List<PaymentFact> immediateFacts) {}

    /**
     * Ends a recurring donation's subscription at once: no further payment; the donor's reason, when they gave
     * one, goes with it (Stripe keeps it as the cancellation's feedback). Idempotent on the key.
     * Our records change when the gateway reports it (its event), never here.
     */
    default void cancelSubscription(String subscriptionId, CancellationReason reason, String idempotencyKey) {
        throw notHere();
    }

    /**
     * Takes no payment until {@code resumesAt} (the donation is kept; it collects again by itself then).
     * Idempotent on the key. Our records change when the gateway reports it.
     */
    default void pauseSubscription(String subscriptionId, Instant resumesAt, String idempotencyKey) {
        throw notHere();
    }

    /** Ends a pause now: the donation collects again from its next date. Idempotent on the key. */
    default void resumeSubscription(String subscriptionId, String idempotencyKey) {
        throw notHere();
    }

    /**
     * Charges {@code amountMinor} every {@code interval} (month or year) from the next payment on (no
     * proration). Idempotent on the key. Our records change when the gateway reports it.
     */
    default void changeSubscriptionAmount(
            String subscriptionId, DonationInterval interval, long amountMinor, String idempotencyKey) {
        throw notHere();
    }

    /**
     * Where the donor updates the card of a subscription (the gateway's own page), coming back to {@code
     * returnUrl}.
     */
    default String cardUpdateUrl(String subscriptionId, String returnUrl) {
        throw notHere();
    }

    private static UpstreamFailureException notHere() {
        return new UpstreamFailureException(
                "Monthly and yearly donations are managed through Stripe; the local test gateway cannot change them.",
                false,
                null);
    }

    /**
     * Hands the gateway's events since an instant to {@code each}, for the reconciler, page by page
     * (never the whole list at once). A page that cannot be read is thrown; what {@code each} does
     * with an event, failures included, is its own affair.
     */
    void eachEventSince(Instant since, Consumer<IncomingEvent> each);

    /** One event by its id (to try a parked one again), or empty when the gateway no longer has it. */
    Optional<IncomingEvent> event(String id);

    /**
     * Whether this gateway, in the mode it runs in, opened this donation's checkout: only then can
     * it say what became of it. A donation opened by the test gateway, or by Stripe with a key of
     * the other mode, is settled as abandoned by the reconciler instead of being asked about.
     */
    boolean opened(Donation donation);

    /**
     * What became of a donation still pending after its checkout should have closed: the facts to
     * apply (a payment, or its end), or none while the checkout is still open.
     */
    List<PaymentFact> settle(Donation pending);
}
