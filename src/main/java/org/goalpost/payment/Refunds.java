package org.goalpost.payment;

import java.util.Optional;
import org.goalpost.donation.Donation;
import org.goalpost.donation.Donations;
import org.goalpost.shared.text.Sha256;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Refunds started by staff: the gateway is asked (with an idempotency key, so a double click or a
 * retried API call refunds once), and the totals change only when the gateway reports the refund,
 * through the same event path as a refund made in Stripe's dashboard: one path for money. Each request is announced
 * as a {@link RefundRequested} to listeners on the requesting thread (the staff module writes it to the audit log).
 */
@Service
public class Refunds {

    /** What was asked of the gateway. */
    public record Requested(String donationId, String refundId, long amountMinor, String status) {}

    /** A refund asked of the gateway: published after the gateway accepted it, before {@code request} returns. */
    public record RefundRequested(
            String donationId, String refundId, long amountMinor, String currency, String paymentId, String status) {}

    private final Donations donations;
    private final GatewayPayments payments;
    private final PaymentGateway gateway;
    private final EventProcessor processor;
    private final ApplicationEventPublisher events;

    Refunds(
            Donations donations,
            GatewayPayments payments,
            PaymentGateway gateway,
            EventProcessor processor,
            ApplicationEventPublisher events) {
        this.donations = donations;
        this.payments = payments;
        this.gateway = gateway;
        this.processor = processor;
        this.events = events;
    }

    /**
     * Refunds the donation's latest payment, in full when {@code amountMinor} is null.
     *
     * @param requestKey optional: the same key refunds once (the API's {@code Idempotency-Key}, the form's hidden key)
     */
    public Requested request(long donationId, Long amountMinor, String requestKey) {
        Donation donation =
                donations.find(donationId).orElseThrow(() -> new NotFoundException("No donation " + donationId));
        GatewayPayments.Payment payment = payments.latestOf(donation.id())
                .orElseThrow(
                        () -> new InvalidInputException("donation", "has no payment through the gateway to refund"));
        long amount = amountMinor == null ? payment.amountMinor() : amountMinor;
        if (amount <= 0 || amount > payment.amountMinor()) {
            throw new InvalidInputException(
                    "amountMinor", "must be between 1 and " + payment.amountMinor() + " (the payment)");
        }
        // the request's own key (the form's hidden key, the API's Idempotency-Key) makes the gateway's: a double submit
        // refunds
        // once, and two deliberate equal refunds are two; without a key, the same amount on the same payment is taken
        // as a repeat
        String key = "goalpost-refund-" + payment.paymentIntentId() + "-"
                + Optional.ofNullable(requestKey)
                        .map(String::strip)
                        .filter(k -> !k.isEmpty())
                        .map(k -> "key-" + (k.matches("[!-~]{1,64}") ? k : Sha256.hex(k)))
                        .orElse(amount + "-once");
        PaymentGateway.RefundStarted started = gateway.refund(payment, amount, key);
        if (!started.immediateFacts().isEmpty()) {
            processor.process(
                    new IncomingEvent(
                            "refund_" + started.refundId(),
                            "goalpost.refund",
                            payment.livemode(),
                            java.time.Instant.now(),
                            started::immediateFacts),
                    gateway.name().equals("test") ? "TEST_GATEWAY" : "STAFF");
        }
        events.publishEvent(new RefundRequested(
                donation.publicId(),
                started.refundId(),
                amount,
                payment.currency(),
                payment.paymentIntentId(),
                started.status()));
        return new Requested(donation.publicId(), started.refundId(), amount, started.status());
    }
}
