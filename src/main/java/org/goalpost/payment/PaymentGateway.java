package org.goalpost.payment;

import java.time.Instant;
import java.util.List;
import org.goalpost.donation.Donation;
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
    record RefundStarted(String refundId, String status, List<PaymentFact> immediateFacts) {
    }

    /**
     * Ends a monthly donation's subscription at once: no further payment. Idempotent on the key.
     * Our records change when the gateway reports it (its event), never here.
     */
    default void cancelSubscription(String subscriptionId, String idempotencyKey) {
        throw notHere();
    }

    /**
     * Charges {@code amountMinor} a month from the next payment on (no proration). Idempotent on the key.
     * Our records change when the gateway reports it.
     */
    default void changeSubscriptionAmount(String subscriptionId, long amountMinor, String idempotencyKey) {
        throw notHere();
    }

    /** Where the donor updates the card of a subscription (the gateway's own page), coming back to {@code returnUrl}. */
    default String cardUpdateUrl(String subscriptionId, String returnUrl) {
        throw notHere();
    }

    private static UpstreamFailureException notHere() {
        return new UpstreamFailureException(
                "Monthly donations are managed through Stripe; the local test gateway cannot change them.", false, null);
    }

    /** The gateway's events since an instant, oldest first, for the reconciler. */
    List<IncomingEvent> eventsSince(Instant since);

    /**
     * What became of a donation still pending after its checkout should have closed: the facts to
     * apply (a payment, or its end), or none while the checkout is still open.
     */
    List<PaymentFact> settle(Donation pending);
}
