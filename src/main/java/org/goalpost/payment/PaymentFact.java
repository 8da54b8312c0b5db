package org.goalpost.payment;

import java.time.Instant;
import java.util.List;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;

/**
 * What a gateway event means for us, in our own words. The gateway's mapping (for Stripe,
 * {@code StripeEventTranslator}) turns each event into facts; {@link PaymentLedger} applies them.
 * Money facts carry the gateway's own ids, which key the ledger rows: the same fact applied twice
 * changes nothing.
 */
public sealed interface PaymentFact {

    /**
     * Money arrived: a one-time payment ({@code sourceRef} = its PaymentIntent) or one instalment of
     * a recurring gift ({@code sourceRef} = its invoice), paid by one or more gateway payments.
     */
    record PaymentReceived(
            String sourceRef,
            Target target,
            long amountMinor,
            String currency,
            List<PaidBy> paidBy,
            boolean livemode,
            Instant paidAt,
            Payer payer)
            implements PaymentFact {

        public PaymentReceived {
            paidBy = List.copyOf(paidBy);
            payer = payer == null ? Payer.UNKNOWN : payer;
        }

        /** Stripe's fees on every payment that paid it. */
        public long feeMinor() {
            return paidBy.stream().mapToLong(PaidBy::feeMinor).sum();
        }

        /** The first payment's PaymentIntent (a one-time gift has exactly one), or null. */
        public String paymentIntentId() {
            return paidBy.isEmpty() ? null : paidBy.get(0).paymentIntentId();
        }
    }

    /**
     * Which donation a payment is for: our donation's public id, and the gateway's subscription for a recurring
     * gift.
     */
    record Target(String donationRef, String subscriptionId) {}

    /** One gateway payment (a PaymentIntent and its charge) that paid some or all of a {@link PaymentReceived}. */
    record PaidBy(String paymentIntentId, String chargeId, long amountMinor, long feeMinor) {}

    /** Who paid, as the gateway collected it (either may be null). */
    record Payer(String email, String name) {

        public static final Payer UNKNOWN = new Payer(null, null);
    }

    /** A recurring donation's checkout completed: its subscription exists; the money comes with its invoices. */
    record SubscriptionStarted(
            String donationRef, String sessionId, String subscriptionId, boolean paid, String email, String name)
            implements PaymentFact {}

    /**
     * A checkout ended without payment: failed, expired, canceled or abandoned, with the reason when there is
     * one. Never undoes a success.
     */
    record CheckoutClosed(String donationRef, String sessionId, DonationStatus outcome, String reason)
            implements PaymentFact {

        public CheckoutClosed(String donationRef, String sessionId, DonationStatus outcome) {
            this(donationRef, sessionId, outcome, null);
        }
    }

    /**
     * A recurring donation's subscription as the gateway reported it at {@code observedAt}: its
     * status, its amount per interval and the interval (monthly or yearly) when known, and whether
     * collection is paused, and when its next payment is due (the end of its current period) when known. A state older
     * than the one kept changes nothing, and a canceled subscription stays canceled.
     */
    record SubscriptionChanged(
            String subscriptionId,
            String donationRef,
            String status,
            Long amountMinor,
            DonationInterval interval,
            boolean paused,
            Instant nextPaymentAt,
            Instant observedAt)
            implements PaymentFact {}

    /** A recurring payment failed; the gateway will try again. A notice only: no money moved. */
    record InstalmentFailed(String subscriptionId, String donationRef, String invoiceId, Instant failedAt)
            implements PaymentFact {}

    /** A fact about a payment (a refund, a dispute) that belongs wherever that payment was counted. */
    sealed interface PaymentReversal extends PaymentFact {

        String paymentIntentId();

        String chargeId();
    }

    /** One refund, full or partial, in its current state. */
    record RefundChanged(
            String refundId, String paymentIntentId, String chargeId, long amountMinor, RefundState state, Instant at)
            implements PaymentReversal {}

    /**
     * One dispute (chargeback), in its current state, with the balance transactions the gateway
     * made for it so far: each withdrawal and reinstatement of the funds, and the dispute fees.
     */
    record DisputeChanged(
            String disputeId,
            String paymentIntentId,
            String chargeId,
            long amountMinor,
            DisputeState state,
            Instant at,
            List<BalanceMove> moves)
            implements PaymentReversal {

        public DisputeChanged {
            moves = moves == null ? List.of() : List.copyOf(moves);
        }
    }

    /** A balance transaction of a dispute: funds withdrawn (or reinstated), and the fee it charged (or gave back). */
    record BalanceMove(String id, boolean withdrawal, long feeMinor, Instant at) {}

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
