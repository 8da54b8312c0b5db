package org.goalpost.payment;

import java.time.Instant;
import org.goalpost.donation.DonationStatus;

/**
 * What a gateway event means for us, in our own words. The gateway's mapping (for Stripe,
 * {@code StripeEventTranslator}) turns each event into facts; {@link PaymentLedger} applies them.
 * Money facts carry the gateway's own ids, which key the ledger rows: the same fact applied twice
 * changes nothing.
 */
public sealed interface PaymentFact {

    /**
     * Money arrived: a one-time payment ({@code sourceRef} = its PaymentIntent) or one monthly
     * instalment ({@code sourceRef} = its invoice). {@code donationRef} is our donation's public id.
     */
    record PaymentReceived(String sourceRef, String paymentIntentId, String chargeId, String donationRef,
            String subscriptionId, long amountMinor, String currency, long feeMinor, boolean livemode, Instant paidAt,
            String email, String name) implements PaymentFact {
    }

    /** A monthly donation's checkout completed: its subscription exists; the money comes with its invoices. */
    record SubscriptionStarted(String donationRef, String sessionId, String subscriptionId, boolean paid, String email,
            String name) implements PaymentFact {
    }

    /** A checkout ended without payment: failed, expired or canceled. Never undoes a success. */
    record CheckoutClosed(String donationRef, String sessionId, DonationStatus outcome) implements PaymentFact {
    }

    /** A monthly donation's subscription changed: its status, and its monthly amount when known. */
    record SubscriptionChanged(String subscriptionId, String donationRef, String status, Long amountMinor) implements PaymentFact {
    }

    /** A monthly payment failed; the gateway will try again. A notice only: no money moved. */
    record InstalmentFailed(String subscriptionId, String donationRef, String invoiceId) implements PaymentFact {
    }

    /** One refund, full or partial, in its current state. */
    record RefundChanged(String refundId, String paymentIntentId, String chargeId, long amountMinor, RefundState state,
            Instant at) implements PaymentFact {
    }

    /** One dispute (chargeback), in its current state. */
    record DisputeChanged(String disputeId, String paymentIntentId, String chargeId, long amountMinor, DisputeState state,
            Instant at) implements PaymentFact {
    }

    enum RefundState {
        /** Not settled yet: nothing moves. */
        PENDING,
        /** The money went back to the donor. */
        SUCCEEDED,
        /** The refund failed or was canceled: if it had been counted, the money came back. */
        FAILED
    }

    enum DisputeState {
        /** An inquiry, or a dispute closed as an inquiry: no money moved. */
        INQUIRY,
        /** Open, its funds withdrawn: counted off at once. */
        OPEN,
        /** Won: the funds came back. */
        WON,
        /** Lost: the funds are gone for good. */
        LOST
    }
}
