package org.goalpost.payment.testgateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationStatus;
import org.goalpost.payment.CheckoutRequest;
import org.goalpost.payment.CheckoutSession;
import org.goalpost.payment.FeeModel;
import org.goalpost.payment.GatewayPayments;
import org.goalpost.payment.IncomingEvent;
import org.goalpost.payment.PaymentFact;
import org.goalpost.payment.PaymentGateway;

/**
 * The local test gateway of the embedded default (in the spirit of GiveWP's test-donation
 * gateway): its checkout is a page of this app, marked TEST MODE, where the donor completes or
 * cancels (its address is relative to this app). Completion produces the same facts a Stripe payment does and
 * goes through the same
 * ledger path, as test-mode money. It can never be active in production.
 */
public class TestGateway implements PaymentGateway {

    static final Duration CHECKOUT_LIFETIME = Duration.ofHours(24);

    private final FeeModel fees;
    private final Clock clock;

    public TestGateway(FeeModel fees, Clock clock, boolean production) {
        if (production) {
            throw new IllegalStateException("The test gateway cannot run in production: set STRIPE_SECRET_KEY");
        }
        this.fees = fees;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public CheckoutSession openCheckout(CheckoutRequest request) {
        String id = "test_cs_"
                + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes())
                        .toString()
                        .replace("-", "");
        return new CheckoutSession(id, "/test-checkout/" + id, clock.instant().plus(CHECKOUT_LIFETIME));
    }

    /** A test refund succeeds at once: its fact goes through the same path as Stripe's refund events. */
    @Override
    public RefundStarted refund(GatewayPayments.Payment payment, long amountMinor, String idempotencyKey) {
        String id = "test_re_"
                + UUID.nameUUIDFromBytes(idempotencyKey.getBytes()).toString().replace("-", "");
        return new RefundStarted(
                id,
                "succeeded",
                List.of(new PaymentFact.RefundChanged(
                        id,
                        payment.paymentIntentId(),
                        payment.chargeId(),
                        amountMinor,
                        PaymentFact.RefundState.SUCCEEDED,
                        clock.instant())));
    }

    /** The test gateway reports every event at once: there is nothing to read back. */
    @Override
    public void eachEventSince(Instant since, Consumer<IncomingEvent> each) {}

    @Override
    public Optional<IncomingEvent> event(String id) {
        return Optional.empty();
    }

    @Override
    public boolean opened(Donation donation) {
        return donation.channel() == DonationChannel.TEST_GATEWAY;
    }

    /** A test checkout left open past its lifetime expires, as Stripe's do. */
    @Override
    public List<PaymentFact> settle(Donation pending) {
        Instant deadline = pending.checkoutExpiresAt() != null
                ? pending.checkoutExpiresAt()
                : pending.createdAt().plus(CHECKOUT_LIFETIME);
        if (clock.instant().isBefore(deadline)) {
            return List.of();
        }
        return List.of(new PaymentFact.CheckoutClosed(
                pending.publicId(), pending.checkoutSessionId(), DonationStatus.EXPIRED));
    }

    /** The event a completed test checkout makes: the payment (or a monthly donation's first instalment). */
    IncomingEvent completion(Donation donation) {
        String suffix = donation.checkoutSessionId().substring("test_cs_".length());
        Instant now = clock.instant();
        String intent = "test_pi_" + suffix;
        String subscription = donation.isRecurring() ? "test_sub_" + suffix : null;
        PaymentFact payment = new PaymentFact.PaymentReceived(
                donation.isRecurring() ? "test_in_" + suffix : intent,
                new PaymentFact.Target(donation.publicId(), subscription),
                donation.amount().minor(),
                donation.amount().currencyCode(),
                List.of(new PaymentFact.PaidBy(
                        intent,
                        "test_ch_" + suffix,
                        donation.amount().minor(),
                        fees.feeOn(donation.amount()).minor())),
                false,
                now,
                new PaymentFact.Payer(donation.donorEmail(), donation.donorName()));
        List<PaymentFact> facts = donation.isRecurring()
                ? List.of(
                        new PaymentFact.SubscriptionStarted(
                                donation.publicId(),
                                donation.checkoutSessionId(),
                                subscription,
                                true,
                                donation.donorEmail(),
                                donation.donorName()),
                        payment)
                : List.of(payment);
        return new IncomingEvent(
                "test_evt_" + suffix + "_completed", "test.checkout.completed", false, now, () -> facts);
    }

    /** The event a canceled test checkout makes. */
    IncomingEvent cancelation(Donation donation) {
        String suffix = donation.checkoutSessionId().substring("test_cs_".length());
        List<PaymentFact> facts = List.of(new PaymentFact.CheckoutClosed(
                donation.publicId(), donation.checkoutSessionId(), DonationStatus.CANCELED));
        return new IncomingEvent(
                "test_evt_" + suffix + "_canceled", "test.checkout.canceled", false, clock.instant(), () -> facts);
    }
}
