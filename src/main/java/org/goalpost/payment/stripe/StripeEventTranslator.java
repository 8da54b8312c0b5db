package org.goalpost.payment.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goalpost.payment.GatewayPayments;
import org.goalpost.payment.IncomingEvent;
import org.goalpost.payment.PaymentFact;
import org.goalpost.payment.PaymentFact.CheckoutClosed;
import org.goalpost.payment.PaymentFact.DisputeChanged;
import org.goalpost.payment.PaymentFact.InstalmentFailed;
import org.goalpost.payment.PaymentFact.PaymentReceived;
import org.goalpost.payment.PaymentFact.RefundChanged;
import org.goalpost.payment.PaymentFact.SubscriptionChanged;
import org.goalpost.payment.PaymentFact.SubscriptionStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Stripe event into payment facts, reading from Stripe what the event does not carry:
 * a payment's fee and charge (its balance transaction), the PaymentIntent behind an invoice, the
 * refunds of a charge ({@code amount_refunded} is cumulative: we take each refund as a value),
 * and, when a refund or dispute arrives before the payment it belongs to, that payment itself.
 */
class StripeEventTranslator {

    static final String DONATION_KEY = "donation_id";
    static final String CAMPAIGN_KEY = "campaign";
    private static final Logger log = LoggerFactory.getLogger(StripeEventTranslator.class);

    private final StripeApi stripe;
    private final GatewayPayments payments;

    StripeEventTranslator(StripeApi stripe, GatewayPayments payments) {
        this.stripe = stripe;
        this.payments = payments;
    }

    IncomingEvent incoming(Event event) {
        return new IncomingEvent(event.getId(), event.getType(), Boolean.TRUE.equals(event.getLivemode()),
                Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated()), () -> facts(event));
    }

    List<PaymentFact> facts(Event event) {
        String type = event.getType();
        boolean live = Boolean.TRUE.equals(event.getLivemode());
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> completed(object(event, Session.class), live);
            case "checkout.session.async_payment_failed", "checkout.session.expired" -> {
                Session session = object(event, Session.class);
                yield List.of(new CheckoutClosed(donationRef(session), session.getId(), StripeStates.closed(type)));
            }
            case "invoice.paid" -> invoicePaid(object(event, Invoice.class), live);
            case "invoice.payment_failed" -> {
                Invoice invoice = object(event, Invoice.class);
                yield List.of(new InstalmentFailed(subscriptionOf(invoice), metadata(invoice).get(DONATION_KEY), invoice.getId()));
            }
            case "customer.subscription.updated", "customer.subscription.deleted" -> List.of(subscription(object(event, Subscription.class)));
            case "charge.refunded" -> chargeRefunded(object(event, Charge.class), live);
            case "refund.created", "refund.updated", "refund.failed" -> refund(object(event, Refund.class), live);
            case "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_withdrawn",
                    "charge.dispute.funds_reinstated" -> dispute(object(event, Dispute.class), type, live);
            default -> List.of();
        };
    }

    /** What a completed checkout means: money now (paid), later (unpaid: a delayed method), or a monthly donation's start. */
    List<PaymentFact> completed(Session session, boolean live) {
        String donationRef = donationRef(session);
        String email = session.getCustomerDetails() != null ? session.getCustomerDetails().getEmail() : session.getCustomerEmail();
        String name = session.getCustomerDetails() != null ? session.getCustomerDetails().getName() : null;
        boolean paid = StripeStates.paid(session.getPaymentStatus());
        if ("subscription".equals(session.getMode())) {
            return List.of(new SubscriptionStarted(donationRef, session.getId(), session.getSubscription(), paid, email, name));
        }
        if (!paid || session.getPaymentIntent() == null) {
            return List.of();
        }
        PaymentIntent intent = stripe.paymentIntent(session.getPaymentIntent());
        return List.of(received(intent, intent.getId(), donationRef, null, live, email, name, null));
    }

    private List<PaymentFact> invoicePaid(Invoice invoice, boolean live) {
        if (invoice.getAmountPaid() == null || invoice.getAmountPaid() <= 0) {
            return List.of();
        }
        Optional<String> intentId = stripe.paymentIntentOfInvoice(invoice.getId());
        PaymentIntent intent = intentId.map(stripe::paymentIntent).orElse(null);
        Instant paidAt = invoice.getStatusTransitions() != null && invoice.getStatusTransitions().getPaidAt() != null
                ? Instant.ofEpochSecond(invoice.getStatusTransitions().getPaidAt()) : null;
        if (intent == null) {
            return List.of(new PaymentReceived(invoice.getId(), null, null, metadata(invoice).get(DONATION_KEY), subscriptionOf(invoice),
                    invoice.getAmountPaid(), invoice.getCurrency(), 0, live,
                    paidAt != null ? paidAt : Instant.ofEpochSecond(invoice.getCreated()), invoice.getCustomerEmail(),
                    invoice.getCustomerName()));
        }
        PaymentReceived fromIntent = received(intent, invoice.getId(), metadata(invoice).get(DONATION_KEY), subscriptionOf(invoice), live,
                invoice.getCustomerEmail(), invoice.getCustomerName(), paidAt);
        return List.of(new PaymentReceived(fromIntent.sourceRef(), fromIntent.paymentIntentId(), fromIntent.chargeId(),
                fromIntent.donationRef(), fromIntent.subscriptionId(), invoice.getAmountPaid(), invoice.getCurrency(),
                fromIntent.feeMinor(), live, fromIntent.paidAt(), fromIntent.email(), fromIntent.name()));
    }

    private static SubscriptionChanged subscription(Subscription subscription) {
        Long amount = null;
        if (subscription.getItems() != null && subscription.getItems().getData() != null) {
            amount = 0L;
            for (SubscriptionItem item : subscription.getItems().getData()) {
                long unit = item.getPrice() != null && item.getPrice().getUnitAmount() != null ? item.getPrice().getUnitAmount() : 0;
                amount += unit * (item.getQuantity() == null ? 1 : item.getQuantity());
            }
        }
        Map<String, String> metadata = subscription.getMetadata() == null ? Map.of() : subscription.getMetadata();
        return new SubscriptionChanged(subscription.getId(), metadata.get(DONATION_KEY), subscription.getStatus(), amount);
    }

    private List<PaymentFact> chargeRefunded(Charge charge, boolean live) {
        List<PaymentFact> facts = new ArrayList<>(paymentFirst(charge.getPaymentIntent(), charge.getId(), live));
        for (Refund refund : stripe.refundsOfCharge(charge.getId())) {
            facts.add(refundChanged(refund, charge.getPaymentIntent(), charge.getId()));
        }
        return facts;
    }

    private List<PaymentFact> refund(Refund refund, boolean live) {
        List<PaymentFact> facts = new ArrayList<>(paymentFirst(refund.getPaymentIntent(), refund.getCharge(), live));
        facts.add(refundChanged(refund, refund.getPaymentIntent(), refund.getCharge()));
        return facts;
    }

    private static RefundChanged refundChanged(Refund refund, String intentId, String chargeId) {
        return new RefundChanged(refund.getId(), refund.getPaymentIntent() != null ? refund.getPaymentIntent() : intentId,
                refund.getCharge() != null ? refund.getCharge() : chargeId, refund.getAmount(), StripeStates.refund(refund.getStatus()),
                Instant.ofEpochSecond(refund.getCreated()));
    }

    private List<PaymentFact> dispute(Dispute dispute, String type, boolean live) {
        List<PaymentFact> facts = new ArrayList<>(paymentFirst(dispute.getPaymentIntent(), dispute.getCharge(), live));
        facts.add(new DisputeChanged(dispute.getId(), dispute.getPaymentIntent(), dispute.getCharge(), dispute.getAmount(),
                StripeStates.dispute(type, dispute.getStatus()), Instant.ofEpochSecond(dispute.getCreated())));
        return facts;
    }

    /**
     * A refund or dispute may arrive before the event that counts its payment. Then the payment is
     * read from Stripe and counted first (same ledger key as its own event will use); a payment
     * that is not a Goalpost donation gives no fact, and its refund is ignored.
     */
    List<PaymentFact> paymentFirst(String intentId, String chargeId, boolean live) {
        if (payments.isKnown(intentId, chargeId)) {
            return List.of();
        }
        String id = intentId != null ? intentId : chargeId != null ? stripe.charge(chargeId).getPaymentIntent() : null;
        if (id == null) {
            return List.of();
        }
        PaymentIntent intent = stripe.paymentIntent(id);
        String donationRef = intent.getMetadata() == null ? null : intent.getMetadata().get(DONATION_KEY);
        if (donationRef != null) {
            return List.of(received(intent, intent.getId(), donationRef, null, live, null, null, null));
        }
        Optional<String> invoiceId = stripe.invoiceOfPaymentIntent(id);
        if (invoiceId.isPresent()) {
            return invoicePaid(stripe.invoice(invoiceId.get()), live);
        }
        log.info("Payment {} is not a Goalpost donation: its refunds and disputes are ignored", id);
        return List.of();
    }

    /** A payment as read from its PaymentIntent: amount received, charge, Stripe's fee in the payment's currency. */
    static PaymentReceived received(PaymentIntent intent, String sourceRef, String donationRef, String subscriptionId, boolean live,
            String email, String name, Instant paidAt) {
        Charge charge = intent.getLatestChargeObject();
        long fee = 0;
        Instant at = paidAt;
        String chargeEmail = null;
        String chargeName = null;
        if (charge != null) {
            fee = feeIn(charge.getBalanceTransactionObject(), intent.getCurrency());
            at = at != null ? at : Instant.ofEpochSecond(charge.getCreated());
            if (charge.getBillingDetails() != null) {
                chargeEmail = charge.getBillingDetails().getEmail();
                chargeName = charge.getBillingDetails().getName();
            }
        }
        at = at != null ? at : Instant.ofEpochSecond(intent.getCreated());
        long amount = intent.getAmountReceived() != null && intent.getAmountReceived() > 0 ? intent.getAmountReceived() : intent.getAmount();
        return new PaymentReceived(sourceRef, intent.getId(), charge != null ? charge.getId() : intent.getLatestCharge(), donationRef,
                subscriptionId, amount, intent.getCurrency(), fee, live, at,
                email != null ? email : chargeEmail != null ? chargeEmail : intent.getReceiptEmail(), name != null ? name : chargeName);
    }

    /**
     * Stripe's fee in the payment's currency. The balance transaction is in the account's
     * settlement currency; when that differs, the fee is converted back with the transaction's
     * own exchange rate (rounded half up), since totals never mix currencies.
     */
    static long feeIn(BalanceTransaction transaction, String currency) {
        if (transaction == null || transaction.getFee() == null) {
            return 0;
        }
        if (transaction.getCurrency() == null || transaction.getCurrency().equalsIgnoreCase(currency)) {
            return transaction.getFee();
        }
        BigDecimal rate = transaction.getExchangeRate();
        if (rate == null || rate.signum() <= 0) {
            log.warn("Balance transaction {} is in {} without an exchange rate: fee not recorded", transaction.getId(),
                    transaction.getCurrency());
            return 0;
        }
        return BigDecimal.valueOf(transaction.getFee()).divide(rate, 0, RoundingMode.HALF_UP).longValueExact();
    }

    static String donationRef(Session session) {
        if (session.getClientReferenceId() != null) {
            return session.getClientReferenceId();
        }
        return session.getMetadata() == null ? null : session.getMetadata().get(DONATION_KEY);
    }

    private static String subscriptionOf(Invoice invoice) {
        return invoice.getParent() != null && invoice.getParent().getSubscriptionDetails() != null
                ? invoice.getParent().getSubscriptionDetails().getSubscription() : null;
    }

    private static Map<String, String> metadata(Invoice invoice) {
        if (invoice.getParent() != null && invoice.getParent().getSubscriptionDetails() != null
                && invoice.getParent().getSubscriptionDetails().getMetadata() != null) {
            return invoice.getParent().getSubscriptionDetails().getMetadata();
        }
        return Map.of();
    }

    /**
     * The event's object. With an event of another API version than the SDK's, the safe
     * deserializer gives nothing; the object is then read leniently.
     */
    static <T extends StripeObject> T object(Event event, Class<T> type) {
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                log.warn("Event {} has API version {} (the app expects {}): reading it leniently", event.getId(),
                        event.getApiVersion(), com.stripe.Stripe.API_VERSION);
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalArgumentException("Event " + event.getId() + " carries an object that cannot be read", e);
            }
        });
        if (!type.isInstance(object)) {
            throw new IllegalArgumentException("Event " + event.getId() + " (" + event.getType() + ") carries a "
                    + object.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(object);
    }
}
