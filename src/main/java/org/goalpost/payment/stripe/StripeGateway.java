package org.goalpost.payment.stripe;

import com.stripe.model.Refund;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.common.EmptyParam;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.goalpost.donation.CancellationReason;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.payment.CheckoutRequest;
import org.goalpost.payment.CheckoutSession;
import org.goalpost.payment.GatewayPayments;
import org.goalpost.payment.IncomingEvent;
import org.goalpost.payment.PaymentFact;
import org.goalpost.payment.PaymentGateway;

/**
 * Stripe as Goalpost's payment gateway: hosted Checkout (card data never reaches us), in
 * {@code payment} mode for one-time gifts and {@code subscription} mode for monthly and yearly ones, with
 * inline prices, so any amount works without creating products first.
 */
class StripeGateway implements PaymentGateway {

    private final StripeApi stripe;
    private final StripeEventTranslator translator;
    private final boolean live;

    StripeGateway(StripeApi stripe, StripeEventTranslator translator, boolean live) {
        this.stripe = stripe;
        this.translator = translator;
        this.live = live;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public CheckoutSession openCheckout(CheckoutRequest request) {
        Session session = stripe.createSession(params(request), request.idempotencyKey());
        return new CheckoutSession(
                session.getId(),
                session.getUrl(),
                session.getExpiresAt() == null ? null : Instant.ofEpochSecond(session.getExpiresAt()));
    }

    /**
     * The Checkout Session for a donation. Our donation id travels as {@code client_reference_id}
     * and in the metadata of the session, of its PaymentIntent (one-time: so that a refund or
     * dispute finds its donation before the payment's own event) and of its subscription
     * (recurring: so that every renewal invoice finds it). Adaptive pricing is off: the donor pays
     * in the campaign's currency, which is the currency the totals count in.
     */
    static SessionCreateParams params(CheckoutRequest request) {
        Donation donation = request.donation();
        boolean recurring = donation.isRecurring();
        boolean yearly = donation.interval() == DonationInterval.YEAR;
        String donationId = donation.publicId();
        String slug = request.campaign().slug();
        PriceData.Builder price = PriceData.builder()
                .setCurrency(donation.amount().currencyCode().toLowerCase(Locale.ROOT))
                .setUnitAmount(donation.amount().minor())
                .setProductData(PriceData.ProductData.builder()
                        .setName((yearly ? "Yearly donation: " : recurring ? "Monthly donation: " : "Donation: ")
                                + request.campaign().title())
                        .build());
        if (recurring) {
            price.setRecurring(PriceData.Recurring.builder()
                    .setInterval(yearly ? PriceData.Recurring.Interval.YEAR : PriceData.Recurring.Interval.MONTH)
                    .build());
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(recurring ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setClientReferenceId(donationId)
                .putMetadata(StripeEventTranslator.DONATION_KEY, donationId)
                .putMetadata(StripeEventTranslator.CAMPAIGN_KEY, slug)
                .setAdaptivePricing(SessionCreateParams.AdaptivePricing.builder()
                        .setEnabled(false)
                        .build())
                .addLineItem(LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(price.build())
                        .build());
        if (donation.donorEmail() != null) {
            params.setCustomerEmail(donation.donorEmail());
        }
        // Stripe's page in the donor's language (German or English); otherwise Stripe follows the browser
        String language = donation.locale() == null
                ? ""
                : Locale.forLanguageTag(donation.locale()).getLanguage();
        params.setLocale(
                "de".equals(language)
                        ? SessionCreateParams.Locale.DE
                        : "en".equals(language) ? SessionCreateParams.Locale.EN : SessionCreateParams.Locale.AUTO);
        if (recurring) {
            params.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                    .putMetadata(StripeEventTranslator.DONATION_KEY, donationId)
                    .putMetadata(StripeEventTranslator.CAMPAIGN_KEY, slug)
                    .build());
        } else {
            params.setSubmitType(SessionCreateParams.SubmitType.DONATE);
            params.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                    .putMetadata(StripeEventTranslator.DONATION_KEY, donationId)
                    .putMetadata(StripeEventTranslator.CAMPAIGN_KEY, slug)
                    .setDescription("Donation: " + request.campaign().title())
                    .build());
        }
        return params.build();
    }

    @Override
    public void cancelSubscription(String subscriptionId, CancellationReason reason, String idempotencyKey) {
        SubscriptionCancelParams.Builder params = SubscriptionCancelParams.builder();
        if (reason != null) {
            params.setCancellationDetails(SubscriptionCancelParams.CancellationDetails.builder()
                    .setFeedback(StripeStates.feedback(reason))
                    .build());
        }
        stripe.cancelSubscription(subscriptionId, params.build(), idempotencyKey);
    }

    @Override
    public void pauseSubscription(String subscriptionId, Instant resumesAt, String idempotencyKey) {
        stripe.updateSubscription(
                subscriptionId,
                SubscriptionUpdateParams.builder()
                        .setPauseCollection(SubscriptionUpdateParams.PauseCollection.builder()
                                .setBehavior(SubscriptionUpdateParams.PauseCollection.Behavior.VOID)
                                .setResumesAt(resumesAt.getEpochSecond())
                                .build())
                        .build(),
                idempotencyKey);
    }

    @Override
    public void resumeSubscription(String subscriptionId, String idempotencyKey) {
        stripe.updateSubscription(
                subscriptionId,
                SubscriptionUpdateParams.builder()
                        .setPauseCollection(EmptyParam.EMPTY)
                        .build(),
                idempotencyKey);
    }

    /**
     * The subscription's one item gets a new price of the same product, monthly or yearly as the donation
     * is; the change applies from the next invoice.
     */
    @Override
    public void changeSubscriptionAmount(
            String subscriptionId, DonationInterval interval, long amountMinor, String idempotencyKey) {
        Subscription subscription = stripe.subscription(subscriptionId);
        SubscriptionItem item = subscription.getItems().getData().get(0);
        stripe.updateSubscription(
                subscriptionId,
                SubscriptionUpdateParams.builder()
                        .addItem(SubscriptionUpdateParams.Item.builder()
                                .setId(item.getId())
                                .setPriceData(SubscriptionUpdateParams.Item.PriceData.builder()
                                        .setCurrency(item.getPrice().getCurrency())
                                        .setProduct(item.getPrice().getProduct())
                                        .setUnitAmount(amountMinor)
                                        .setRecurring(SubscriptionUpdateParams.Item.PriceData.Recurring.builder()
                                                .setInterval(
                                                        interval == DonationInterval.YEAR
                                                                ? SubscriptionUpdateParams.Item.PriceData.Recurring
                                                                        .Interval.YEAR
                                                                : SubscriptionUpdateParams.Item.PriceData.Recurring
                                                                        .Interval.MONTH)
                                                .build())
                                        .build())
                                .build())
                        .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                        .build(),
                idempotencyKey);
    }

    @Override
    public String cardUpdateUrl(String subscriptionId, String returnUrl) {
        return stripe.billingPortalUrl(stripe.subscription(subscriptionId).getCustomer(), returnUrl);
    }

    @Override
    public RefundStarted refund(GatewayPayments.Payment payment, long amountMinor, String idempotencyKey) {
        Refund refund = stripe.createRefund(
                RefundCreateParams.builder()
                        .setPaymentIntent(payment.paymentIntentId())
                        .setAmount(amountMinor)
                        .build(),
                idempotencyKey);
        return new RefundStarted(refund.getId(), refund.getStatus(), List.of());
    }

    /** Only the event types Goalpost handles are asked for, newest first, a page at a time. */
    @Override
    public void eachEventSince(Instant since, Consumer<IncomingEvent> each) {
        stripe.eachEventSince(since, StripeEventTypes.HANDLED, event -> each.accept(translator.incoming(event)));
    }

    @Override
    public Optional<IncomingEvent> event(String id) {
        return stripe.event(id).map(translator::incoming);
    }

    @Override
    public boolean opened(Donation donation) {
        return donation.channel() == DonationChannel.STRIPE && donation.livemode() == live;
    }

    /**
     * A donation still pending after its checkout should have closed: its session says whether it
     * was paid (then it counts, as its event would have), expired, or is still open. A session
     * Stripe no longer has settles the donation as abandoned, saying so.
     */
    @Override
    public List<PaymentFact> settle(Donation pending) {
        if (pending.checkoutSessionId() == null) {
            return List.of(new PaymentFact.CheckoutClosed(
                    pending.publicId(), null, DonationStatus.FAILED, "no checkout was opened"));
        }
        Optional<Session> found = stripe.sessionIfExists(pending.checkoutSessionId());
        if (found.isEmpty()) {
            return List.of(new PaymentFact.CheckoutClosed(
                    pending.publicId(),
                    pending.checkoutSessionId(),
                    DonationStatus.ABANDONED,
                    "Stripe has no checkout " + pending.checkoutSessionId() + " (404)"));
        }
        Session session = found.get();
        if ("complete".equals(session.getStatus())) {
            return translator.completed(session, Boolean.TRUE.equals(session.getLivemode()), null);
        }
        if ("expired".equals(session.getStatus())) {
            return List.of(new PaymentFact.CheckoutClosed(pending.publicId(), session.getId(), DonationStatus.EXPIRED));
        }
        return List.of();
    }
}
