package org.goalpost.payment.stripe;

import java.util.List;

/**
 * The Stripe event types Goalpost handles: the webhook endpoint needs them, the reconciler asks
 * Stripe's Events API for them only ({@code types[]}, at most 20), and every other type is
 * acknowledged and ignored. One list, so that the three cannot disagree.
 */
final class StripeEventTypes {

    static final String SESSION_COMPLETED = "checkout.session.completed";
    static final String SESSION_ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    static final String SESSION_ASYNC_FAILED = "checkout.session.async_payment_failed";
    static final String SESSION_EXPIRED = "checkout.session.expired";
    static final String INVOICE_PAID = "invoice.paid";
    static final String INVOICE_PAYMENT_FAILED = "invoice.payment_failed";
    static final String CHARGE_REFUNDED = "charge.refunded";

    static final List<String> SESSION =
            List.of(SESSION_COMPLETED, SESSION_ASYNC_SUCCEEDED, SESSION_ASYNC_FAILED, SESSION_EXPIRED);
    static final List<String> INVOICE = List.of(INVOICE_PAID, INVOICE_PAYMENT_FAILED);
    static final List<String> SUBSCRIPTION = List.of(
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "customer.subscription.paused",
            "customer.subscription.resumed");
    static final List<String> REFUND = List.of("refund.created", "refund.updated", "refund.failed");
    static final List<String> DISPUTE = List.of(
            "charge.dispute.created",
            "charge.dispute.updated",
            "charge.dispute.closed",
            "charge.dispute.funds_withdrawn",
            "charge.dispute.funds_reinstated");

    /** Every handled type, as the reconciler asks for them. */
    static final List<String> HANDLED = java.util.stream.Stream.of(
                    SESSION, INVOICE, SUBSCRIPTION, REFUND, DISPUTE, List.of(CHARGE_REFUNDED))
            .flatMap(List::stream)
            .toList();

    private StripeEventTypes() {}
}
