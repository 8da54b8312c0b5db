package org.goalpost.payment.stripe;

import com.stripe.param.SubscriptionCancelParams;
import org.goalpost.donation.CancellationReason;
import org.goalpost.donation.DonationStatus;
import org.goalpost.payment.PaymentFact.DisputeState;
import org.goalpost.payment.PaymentFact.RefundState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where Stripe's states become ours. A state we do not know is mapped to the state
 * that moves no money (pending, inquiry) and logged: the reconciler or a later event settles it.
 */
final class StripeStates {

    private static final Logger log = LoggerFactory.getLogger(StripeStates.class);

    private StripeStates() {}

    /** A donor's reason for ending a donation, as Stripe's cancellation feedback (which has no reason of ours). */
    static SubscriptionCancelParams.CancellationDetails.Feedback feedback(CancellationReason reason) {
        return switch (reason) {
            case MONEY_TIGHT -> SubscriptionCancelParams.CancellationDetails.Feedback.TOO_EXPENSIVE;
            case GIVING_ELSEWHERE -> SubscriptionCancelParams.CancellationDetails.Feedback.SWITCHED_SERVICE;
            case ONE_TIME -> SubscriptionCancelParams.CancellationDetails.Feedback.UNUSED;
            case COVERAGE -> SubscriptionCancelParams.CancellationDetails.Feedback.LOW_QUALITY;
            case OTHER -> SubscriptionCancelParams.CancellationDetails.Feedback.OTHER;
        };
    }

    /**
     * A refund's {@code status}: {@code pending}, {@code requires_action}, {@code succeeded}, {@code failed},
     * {@code canceled}.
     */
    static RefundState refund(String status) {
        return switch (status == null ? "" : status) {
            case "succeeded" -> RefundState.SUCCEEDED;
            case "failed", "canceled" -> RefundState.FAILED;
            case "pending", "requires_action" -> RefundState.PENDING;
            default -> {
                log.warn("Unknown Stripe refund status '{}': treated as pending", status);
                yield RefundState.PENDING;
            }
        };
    }

    /**
     * A dispute's state, from the event that reports it: funds withdrawn means open, funds
     * reinstated means won; otherwise its {@code status}.
     */
    static DisputeState dispute(String eventType, String status) {
        if ("charge.dispute.funds_withdrawn".equals(eventType)) {
            return DisputeState.OPEN;
        }
        if ("charge.dispute.funds_reinstated".equals(eventType)) {
            return DisputeState.WON;
        }
        return switch (status == null ? "" : status) {
            case "needs_response", "under_review" -> DisputeState.OPEN;
            case "won" -> DisputeState.WON;
            case "lost" -> DisputeState.LOST;
            case "warning_needs_response", "warning_under_review", "warning_closed", "prevented" ->
                DisputeState.INQUIRY;
            default -> {
                log.warn("Unknown Stripe dispute status '{}': treated as an inquiry (no money moved)", status);
                yield DisputeState.INQUIRY;
            }
        };
    }

    /** A checkout's {@code payment_status}: money is there only when it is {@code paid}. */
    static boolean paid(String paymentStatus) {
        return "paid".equals(paymentStatus);
    }

    /** How a checkout ended without money, from the event that says so. */
    static DonationStatus closed(String eventType) {
        return switch (eventType) {
            case "checkout.session.expired" -> DonationStatus.EXPIRED;
            case "checkout.session.async_payment_failed" -> DonationStatus.FAILED;
            default -> throw new IllegalArgumentException("not a closing event: " + eventType);
        };
    }
}
