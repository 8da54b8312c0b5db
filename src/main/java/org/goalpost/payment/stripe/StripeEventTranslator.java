package org.goalpost.payment.stripe;

import com.stripe.Stripe;
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
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.Donations;
import org.goalpost.payment.GatewayPayments;
import org.goalpost.payment.IncomingEvent;
import org.goalpost.payment.PaymentFact;
import org.goalpost.payment.PaymentFact.BalanceMove;
import org.goalpost.payment.PaymentFact.CheckoutClosed;
import org.goalpost.payment.PaymentFact.DisputeChanged;
import org.goalpost.payment.PaymentFact.InstalmentFailed;
import org.goalpost.payment.PaymentFact.PaidBy;
import org.goalpost.payment.PaymentFact.Payer;
import org.goalpost.payment.PaymentFact.PaymentReceived;
import org.goalpost.payment.PaymentFact.RefundChanged;
import org.goalpost.payment.PaymentFact.SubscriptionChanged;
import org.goalpost.payment.PaymentFact.SubscriptionStarted;
import org.goalpost.payment.PaymentFact.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Stripe event into payment facts, reading from Stripe what the event does not carry:
 * a payment's fee and charge (its balance transaction), the PaymentIntents behind an invoice, the
 * refunds of a charge ({@code amount_refunded} is cumulative: we take each refund as a value),
 * and, when a refund or dispute arrives before the one-time payment it belongs to, that payment.
 *
 * <p><b>Any API version.</b> Stripe's Events API renders each event at the account's default
 * version of the day it was created, which on an older account is not the version stripe-java pins
 * ({@link Stripe#API_VERSION}). So the translator never trusts the shape of an event's object:
 * <ol>
 * <li>whether the object is Goalpost's is read from the raw JSON in every shape the fields have had
 * ({@link RawObject}), against our own records, before any call to Stripe: another integration on
 * the same account (a paywall's subscriptions, a shop's charges) costs no call, or one (a refund or
 * dispute of a payment we have not counted: its PaymentIntent is read once);</li>
 * <li>an object that is ours, in an event of another version, is read again from Stripe, which
 * answers at the pinned version, and only that copy is used to decide anything.</li>
 * </ol>
 */
class StripeEventTranslator {

    static final String DONATION_KEY = "donation_id";
    static final String CAMPAIGN_KEY = "campaign";
    private static final Logger log = LoggerFactory.getLogger(StripeEventTranslator.class);

    private final StripeApi stripe;
    private final GatewayPayments payments;
    private final Donations donations;

    StripeEventTranslator(StripeApi stripe, GatewayPayments payments, Donations donations) {
        this.stripe = stripe;
        this.payments = payments;
        this.donations = donations;
    }

    IncomingEvent incoming(Event event) {
        return new IncomingEvent(
                event.getId(),
                event.getType(),
                Boolean.TRUE.equals(event.getLivemode()),
                createdOf(event),
                () -> facts(event));
    }

    List<PaymentFact> facts(Event event) {
        String type = event.getType();
        if (!StripeEventTypes.HANDLED.contains(type)) {
            return List.of();
        }
        Read read = new Read(
                event,
                RawObject.of(event),
                Stripe.API_VERSION.equals(event.getApiVersion()),
                Boolean.TRUE.equals(event.getLivemode()),
                createdOf(event));
        if (!read.pinned()) {
            log.info(
                    "Event {} ({}) is rendered at API version {}, not {}: its object is read again from "
                            + "Stripe if it is ours",
                    event.getId(),
                    type,
                    event.getApiVersion(),
                    Stripe.API_VERSION);
        }
        if (StripeEventTypes.SESSION.contains(type)) {
            return session(read, type);
        }
        if (StripeEventTypes.INVOICE.contains(type)) {
            return invoice(read, type);
        }
        if (StripeEventTypes.SUBSCRIPTION.contains(type)) {
            return subscription(read);
        }
        if (StripeEventTypes.CHARGE_REFUNDED.equals(type)) {
            return chargeRefunded(read);
        }
        if (StripeEventTypes.REFUND.contains(type)) {
            return refund(read);
        }
        return dispute(read, type);
    }

    /**
     * One event as received: its raw object, whether it is rendered at the pinned API version, its mode and
     * creation time.
     */
    private record Read(Event event, RawObject raw, boolean pinned, boolean live, Instant created) {

        /** The event's object: as sent when it is rendered at the pinned version, else read again from Stripe. */
        <T extends StripeObject> T current(Class<T> type, java.util.function.Function<String, T> retrieve) {
            return pinned ? object(event, type) : retrieve.apply(raw.id());
        }
    }

    private List<PaymentFact> session(Read read, String type) {
        String donationRef =
                read.raw().firstOf(new String[] {"client_reference_id"}, new String[] {"metadata", DONATION_KEY});
        if (!isDonation(donationRef)
                && donations.findByCheckoutSession(read.raw().id()).isEmpty()) {
            return List.of();
        }
        Session session = read.current(Session.class, stripe::session);
        if (StripeEventTypes.SESSION_ASYNC_FAILED.equals(type) || StripeEventTypes.SESSION_EXPIRED.equals(type)) {
            return List.of(new CheckoutClosed(donationRef(session), session.getId(), StripeStates.closed(type)));
        }
        // a delayed method's gift is dated when its payment succeeded: this event says when, if its balance transaction
        // does not
        return completed(
                session, read.live(), StripeEventTypes.SESSION_ASYNC_SUCCEEDED.equals(type) ? read.created() : null);
    }

    /**
     * What a completed checkout means: money now (paid), later (unpaid: a delayed method), or a
     * recurring donation's start. {@code succeededAt}: when the payment succeeded, if an event said
     * so (used only when the payment's balance transaction does not tell).
     */
    List<PaymentFact> completed(Session session, boolean live, Instant succeededAt) {
        String donationRef = donationRef(session);
        String email = session.getCustomerDetails() != null
                ? session.getCustomerDetails().getEmail()
                : session.getCustomerEmail();
        String name = session.getCustomerDetails() != null
                ? session.getCustomerDetails().getName()
                : null;
        boolean paid = StripeStates.paid(session.getPaymentStatus());
        if ("subscription".equals(session.getMode())) {
            return List.of(new SubscriptionStarted(
                    donationRef, session.getId(), session.getSubscription(), paid, email, name));
        }
        if (!paid || session.getPaymentIntent() == null) {
            return List.of();
        }
        PaymentIntent intent = stripe.paymentIntent(session.getPaymentIntent());
        return List.of(received(
                intent,
                intent.getId(),
                new Target(donationRef, null),
                live,
                new Payer(email, name),
                null,
                succeededAt));
    }

    /**
     * An invoice of one of our subscriptions, whatever its shape: its subscription and donation id
     * are read from either shape; when neither names a donation of ours and the invoice belongs to a
     * subscription we have not linked yet, that subscription is read (one call) before deciding, so
     * that an instalment is never dropped because a field was missing.
     */
    private List<PaymentFact> invoice(Read read, String type) {
        String subscriptionId = read.raw().invoiceSubscription();
        String donationRef = read.raw().invoiceDonationRef(DONATION_KEY);
        if (!isDonation(donationRef) && !isOurSubscription(subscriptionId)) {
            if (subscriptionId == null) {
                return List.of();
            }
            Subscription subscription = stripe.subscription(subscriptionId);
            donationRef = subscription.getMetadata() == null
                    ? null
                    : subscription.getMetadata().get(DONATION_KEY);
            if (!isDonation(donationRef)) {
                return List.of();
            }
        }
        Target target = new Target(donationRef, subscriptionId);
        if (StripeEventTypes.INVOICE_PAYMENT_FAILED.equals(type)) {
            return List.of(
                    new InstalmentFailed(subscriptionId, donationRef, read.raw().id(), read.created()));
        }
        return invoicePaid(read.current(Invoice.class, stripe::invoice), target, read.live());
    }

    /** An instalment: every payment that paid the invoice (usually one), with its charge and fee. */
    private List<PaymentFact> invoicePaid(Invoice invoice, Target known, boolean live) {
        if (invoice.getAmountPaid() == null || invoice.getAmountPaid() <= 0) {
            return List.of();
        }
        Target target = new Target(
                Optional.ofNullable(metadata(invoice).get(DONATION_KEY)).orElse(known.donationRef()),
                Optional.ofNullable(subscriptionOf(invoice)).orElse(known.subscriptionId()));
        Instant paidAt = invoice.getStatusTransitions() != null
                        && invoice.getStatusTransitions().getPaidAt() != null
                ? Instant.ofEpochSecond(invoice.getStatusTransitions().getPaidAt())
                : Instant.ofEpochSecond(invoice.getCreated());
        List<PaidBy> paidBy = new ArrayList<>();
        String email = invoice.getCustomerEmail();
        String name = invoice.getCustomerName();
        for (StripeApi.InvoicePart part : stripe.paymentsOfInvoice(invoice.getId())) {
            PaymentIntent intent = stripe.paymentIntent(part.paymentIntentId());
            PaymentReceived each =
                    received(intent, invoice.getId(), target, live, new Payer(email, name), paidAt, null);
            PaidBy only = each.paidBy().get(0);
            paidBy.add(new PaidBy(
                    only.paymentIntentId(),
                    only.chargeId(),
                    part.amountMinor() > 0 ? part.amountMinor() : only.amountMinor(),
                    only.feeMinor()));
            email = each.payer().email();
            name = each.payer().name();
        }
        return List.of(new PaymentReceived(
                invoice.getId(),
                target,
                invoice.getAmountPaid(),
                invoice.getCurrency(),
                paidBy,
                live,
                paidAt,
                new Payer(email, name)));
    }

    /**
     * A subscription's state as of the event. A state reported at the same second as the one kept
     * cannot be ordered by time: the subscription is then read from Stripe (its newest state). An
     * event of another API version is read again too (rule 2 above).
     */
    private List<PaymentFact> subscription(Read read) {
        String id = read.raw().id();
        String donationRef = read.raw().string("metadata", DONATION_KEY);
        Optional<Donation> linked = donations.findBySubscription(id);
        if (!isDonation(donationRef) && linked.isEmpty()) {
            return List.of();
        }
        boolean tie = linked.map(Donation::subscriptionStateAt)
                .filter(at -> at.getEpochSecond() == read.created().getEpochSecond())
                .isPresent();
        Subscription subscription =
                read.pinned() && !tie ? object(read.event(), Subscription.class) : stripe.subscription(id);
        return List.of(subscriptionState(subscription, read.created()));
    }

    static SubscriptionChanged subscriptionState(Subscription subscription, Instant observedAt) {
        Long amount = null;
        DonationInterval interval = null;
        Instant nextPayment = null;
        if (subscription.getItems() != null && subscription.getItems().getData() != null) {
            amount = 0L;
            for (SubscriptionItem item : subscription.getItems().getData()) {
                if (nextPayment == null && item.getCurrentPeriodEnd() != null) {
                    nextPayment = Instant.ofEpochSecond(item.getCurrentPeriodEnd());
                }
                if (interval == null
                        && item.getPrice() != null
                        && item.getPrice().getRecurring() != null) {
                    // a donor may switch between monthly and yearly (at Stripe, or through the portal)
                    interval = DonationInterval.fromWord(
                                    item.getPrice().getRecurring().getInterval())
                            .filter(DonationInterval::isRecurring)
                            .orElse(null);
                }
                long unit = item.getPrice() != null && item.getPrice().getUnitAmount() != null
                        ? item.getPrice().getUnitAmount()
                        : 0;
                amount += unit * (item.getQuantity() == null ? 1 : item.getQuantity());
            }
        }
        Map<String, String> metadata = subscription.getMetadata() == null ? Map.of() : subscription.getMetadata();
        boolean paused = "paused".equals(subscription.getStatus()) || subscription.getPauseCollection() != null;
        return new SubscriptionChanged(
                subscription.getId(),
                metadata.get(DONATION_KEY),
                subscription.getStatus(),
                amount,
                interval,
                paused,
                nextPayment,
                observedAt);
    }

    /**
     * A charge's refunds changed. For a payment we counted (or one we can count now), every refund
     * of the charge is read as a value. A charge of another integration costs at most one call; an
     * instalment not counted yet gets its refunds from their own {@code refund.*} events, which wait.
     */
    private List<PaymentFact> chargeRefunded(Read read) {
        String chargeId = read.raw().id();
        String intentId = read.raw().string("payment_intent");
        boolean known = payments.isKnown(intentId, chargeId);
        List<PaymentFact> facts = new ArrayList<>(known ? List.of() : paymentFirst(intentId, read.live()));
        if (!known && facts.isEmpty()) {
            return List.of();
        }
        for (Refund refund : stripe.refundsOfCharge(chargeId)) {
            facts.add(refundChanged(refund, intentId, chargeId));
        }
        return facts;
    }

    private List<PaymentFact> refund(Read read) {
        String intentId = read.raw().string("payment_intent");
        String chargeId = read.raw().string("charge");
        boolean known = payments.isKnown(intentId, chargeId);
        List<PaymentFact> facts = new ArrayList<>(known ? List.of() : paymentFirst(intentId, read.live()));
        // ours (counted, or counted now): the refund as Stripe has it now; otherwise it waits, read from the event (ids
        // and amounts)
        Refund refund = known || !facts.isEmpty()
                ? read.current(Refund.class, stripe::refund)
                : lenient(read.event(), Refund.class);
        facts.add(refundChanged(refund, intentId, chargeId));
        return facts;
    }

    private static RefundChanged refundChanged(Refund refund, String intentId, String chargeId) {
        return new RefundChanged(
                refund.getId(),
                refund.getPaymentIntent() != null ? refund.getPaymentIntent() : intentId,
                refund.getCharge() != null ? refund.getCharge() : chargeId,
                refund.getAmount(),
                StripeStates.refund(refund.getStatus()),
                Instant.ofEpochSecond(refund.getCreated()));
    }

    private List<PaymentFact> dispute(Read read, String type) {
        String intentId = read.raw().string("payment_intent");
        String chargeId = read.raw().string("charge");
        boolean known = payments.isKnown(intentId, chargeId);
        List<PaymentFact> facts = new ArrayList<>(known ? List.of() : paymentFirst(intentId, read.live()));
        Dispute dispute = known || !facts.isEmpty()
                ? read.current(Dispute.class, stripe::dispute)
                : lenient(read.event(), Dispute.class);
        facts.add(disputeChanged(dispute, type));
        return facts;
    }

    /**
     * A dispute with its balance transactions: each withdrawal or reinstatement of the funds, and each fee, in
     * the dispute's currency.
     */
    static DisputeChanged disputeChanged(Dispute dispute, String type) {
        List<BalanceMove> moves = new ArrayList<>();
        if (dispute.getBalanceTransactions() != null) {
            for (BalanceTransaction transaction : dispute.getBalanceTransactions()) {
                if (transaction.getAmount() == null || transaction.getAmount() == 0) {
                    continue;
                }
                moves.add(new BalanceMove(
                        transaction.getId(),
                        transaction.getAmount() < 0,
                        feeIn(transaction, dispute.getCurrency()),
                        Instant.ofEpochSecond(
                                transaction.getCreated() == null ? dispute.getCreated() : transaction.getCreated())));
            }
        }
        return new DisputeChanged(
                dispute.getId(),
                dispute.getPaymentIntent(),
                dispute.getCharge(),
                dispute.getAmount(),
                StripeStates.dispute(type, dispute.getStatus()),
                Instant.ofEpochSecond(dispute.getCreated()),
                moves);
    }

    /**
     * A refund or dispute may arrive before the event that counts its payment. A one-time gift's
     * PaymentIntent carries our donation id: it is read (one call) and counted first, under the
     * same ledger key its own event will use. Anything else is not counted here: a recurring
     * instalment's refund waits for its invoice ({@code WaitingFacts}), and a payment of another
     * integration costs this one call and nothing more. A charge without a PaymentIntent is never ours.
     */
    List<PaymentFact> paymentFirst(String intentId, boolean live) {
        if (intentId == null) {
            return List.of();
        }
        PaymentIntent intent = stripe.paymentIntent(intentId);
        String donationRef =
                intent.getMetadata() == null ? null : intent.getMetadata().get(DONATION_KEY);
        if (!isDonation(donationRef)) {
            return List.of();
        }
        return List.of(
                received(intent, intent.getId(), new Target(donationRef, null), live, Payer.UNKNOWN, null, null));
    }

    /**
     * A payment as read from its PaymentIntent: amount received, charge, Stripe's fee in the
     * payment's currency. It is dated {@code paidAt} when given (an invoice's own time of payment);
     * else when its balance transaction was made, which is when the payment succeeded (Stripe
     * makes it when a delayed method such as SEPA Direct Debit or ACH clears, at once for a card);
     * else {@code succeededAt} (an event that reported the success); else when its charge was made.
     * Every path that counts a one-time gift (its checkout's events, a refund that came first, the
     * pending sweep) thus dates it the same way: a gift started on 31 January that clears on 4
     * February counts in February.
     */
    static PaymentReceived received(
            PaymentIntent intent,
            String sourceRef,
            Target target,
            boolean live,
            Payer payer,
            Instant paidAt,
            Instant succeededAt) {
        Charge charge = intent.getLatestChargeObject();
        long fee = 0;
        Instant at = paidAt;
        String chargeEmail = null;
        String chargeName = null;
        if (charge != null) {
            BalanceTransaction balance = charge.getBalanceTransactionObject();
            fee = feeIn(balance, intent.getCurrency());
            if (at == null && balance != null && balance.getCreated() != null) {
                at = Instant.ofEpochSecond(balance.getCreated());
            }
            at = at != null ? at : succeededAt != null ? succeededAt : Instant.ofEpochSecond(charge.getCreated());
            if (charge.getBillingDetails() != null) {
                chargeEmail = charge.getBillingDetails().getEmail();
                chargeName = charge.getBillingDetails().getName();
            }
        }
        at = at != null ? at : succeededAt != null ? succeededAt : Instant.ofEpochSecond(intent.getCreated());
        long amount = intent.getAmountReceived() != null && intent.getAmountReceived() > 0
                ? intent.getAmountReceived()
                : intent.getAmount();
        String email =
                payer.email() != null ? payer.email() : chargeEmail != null ? chargeEmail : intent.getReceiptEmail();
        return new PaymentReceived(
                sourceRef,
                target,
                amount,
                intent.getCurrency(),
                List.of(new PaidBy(
                        intent.getId(), charge != null ? charge.getId() : intent.getLatestCharge(), amount, fee)),
                live,
                at,
                new Payer(email, payer.name() != null ? payer.name() : chargeName));
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
            log.warn(
                    "Balance transaction {} is in {} without an exchange rate: fee not recorded",
                    transaction.getId(),
                    transaction.getCurrency());
            return 0;
        }
        return BigDecimal.valueOf(transaction.getFee())
                .divide(rate, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    static String donationRef(Session session) {
        if (session.getClientReferenceId() != null) {
            return session.getClientReferenceId();
        }
        return session.getMetadata() == null ? null : session.getMetadata().get(DONATION_KEY);
    }

    private boolean isDonation(String donationRef) {
        return donationRef != null && donations.findByPublicId(donationRef).isPresent();
    }

    private boolean isOurSubscription(String subscriptionId) {
        return subscriptionId != null
                && donations.findBySubscription(subscriptionId).isPresent();
    }

    private static String subscriptionOf(Invoice invoice) {
        return invoice.getParent() != null && invoice.getParent().getSubscriptionDetails() != null
                ? invoice.getParent().getSubscriptionDetails().getSubscription()
                : null;
    }

    private static Map<String, String> metadata(Invoice invoice) {
        if (invoice.getParent() != null
                && invoice.getParent().getSubscriptionDetails() != null
                && invoice.getParent().getSubscriptionDetails().getMetadata() != null) {
            return invoice.getParent().getSubscriptionDetails().getMetadata();
        }
        return Map.of();
    }

    private static Instant createdOf(Event event) {
        return Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated());
    }

    /** The event's object, rendered at the pinned API version (the SDK reads it safely). */
    static <T extends StripeObject> T object(Event event, Class<T> type) {
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseGet(() -> lenientObject(event));
        return cast(event, object, type);
    }

    /**
     * The event's object read leniently, for the fields that have kept their shape in every API
     * version (ids, amounts, states, times): used only to keep a refund or dispute of a payment not
     * counted yet, never to decide from a field that moved.
     */
    static <T extends StripeObject> T lenient(Event event, Class<T> type) {
        return cast(event, lenientObject(event), type);
    }

    private static StripeObject lenientObject(Event event) {
        try {
            return event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw new IllegalArgumentException("Event " + event.getId() + " carries an object that cannot be read", e);
        }
    }

    private static <T extends StripeObject> T cast(Event event, StripeObject object, Class<T> type) {
        if (!type.isInstance(object)) {
            throw new IllegalArgumentException("Event " + event.getId() + " (" + event.getType() + ") carries a "
                    + object.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(object);
    }
}
