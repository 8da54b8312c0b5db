package org.goalpost.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams.FlowData;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.goalpost.shared.web.UpstreamFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls Goalpost makes to Stripe's API, and the one place their failures become ours: a
 * refusal (4xx) is not retried; a connection error, a 5xx, a 409 or a rate limit is retried by
 * the client with the same idempotency key and, if it persists, reported as "try again".
 */
class StripeApi {

    private static final Logger log = LoggerFactory.getLogger(StripeApi.class);

    /** A call to Stripe. */
    interface Call<T> {
        T run() throws StripeException;
    }

    private final StripeClient client;

    StripeApi(StripeClient client) {
        this.client = client;
    }

    Session createSession(SessionCreateParams params, String idempotencyKey) {
        return call(
                "open a checkout",
                () -> client.v1()
                        .checkout()
                        .sessions()
                        .create(
                                params,
                                RequestOptions.builder()
                                        .setIdempotencyKey(idempotencyKey)
                                        .build()));
    }

    Refund createRefund(RefundCreateParams params, String idempotencyKey) {
        return call(
                "refund a payment",
                () -> client.v1()
                        .refunds()
                        .create(
                                params,
                                RequestOptions.builder()
                                        .setIdempotencyKey(idempotencyKey)
                                        .build()));
    }

    Session session(String id) {
        return call("read a checkout", () -> client.v1().checkout().sessions().retrieve(id));
    }

    /** A PaymentIntent with its latest charge and that charge's balance transaction (fee and net). */
    PaymentIntent paymentIntent(String id) {
        PaymentIntentRetrieveParams params = PaymentIntentRetrieveParams.builder()
                .addExpand("latest_charge.balance_transaction")
                .build();
        return call("read a payment", () -> client.v1().paymentIntents().retrieve(id, params));
    }

    Charge charge(String id) {
        return call("read a charge", () -> client.v1().charges().retrieve(id));
    }

    Invoice invoice(String id) {
        return call("read an invoice", () -> client.v1().invoices().retrieve(id));
    }

    /** A payment that paid (part of) an invoice: its PaymentIntent and the amount it paid. */
    record InvoicePart(String paymentIntentId, long amountMinor) {}

    /** Every PaymentIntent that paid an invoice, in Stripe's order (an invoice's payments are not in its events). */
    List<InvoicePart> paymentsOfInvoice(String invoiceId) {
        InvoicePaymentListParams params = InvoicePaymentListParams.builder()
                .setInvoice(invoiceId)
                .setLimit(100L)
                .build();
        return call(
                        "read an invoice's payments",
                        () -> client.v1().invoicePayments().list(params))
                .getData()
                .stream()
                .filter(p -> "paid".equals(p.getStatus())
                        && p.getPayment() != null
                        && p.getPayment().getPaymentIntent() != null)
                .map(p -> new InvoicePart(
                        p.getPayment().getPaymentIntent(), p.getAmountPaid() == null ? 0 : p.getAmountPaid()))
                .toList();
    }

    /** The invoice a PaymentIntent paid, if any. */
    Optional<String> invoiceOfPaymentIntent(String paymentIntentId) {
        InvoicePaymentListParams params = InvoicePaymentListParams.builder()
                .setPayment(InvoicePaymentListParams.Payment.builder()
                        .setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                        .setPaymentIntent(paymentIntentId)
                        .build())
                .setLimit(10L)
                .build();
        return call(
                        "find a payment's invoice",
                        () -> client.v1().invoicePayments().list(params))
                .getData()
                .stream()
                .map(InvoicePayment::getInvoice)
                .filter(id -> id != null)
                .findFirst();
    }

    Refund refund(String id) {
        return call("read a refund", () -> client.v1().refunds().retrieve(id));
    }

    Dispute dispute(String id) {
        return call("read a dispute", () -> client.v1().disputes().retrieve(id));
    }

    /**
     * A checkout, or empty when Stripe has no such checkout (deleted with its account data, or made with
     * another key).
     */
    Optional<Session> sessionIfExists(String id) {
        return unlessMissing(
                "read a checkout", () -> client.v1().checkout().sessions().retrieve(id));
    }

    /** One event, or empty when Stripe no longer has it (it keeps events for 30 days). */
    Optional<Event> event(String id) {
        return unlessMissing("read an event", () -> client.v1().events().retrieve(id));
    }

    /**
     * A read that answers empty for Stripe's 404 ({@code resource_missing}), and fails as {@link #call} does
     * otherwise.
     */
    private static <T> Optional<T> unlessMissing(String what, Call<T> read) {
        return call(what, () -> {
            try {
                return Optional.of(read.run());
            } catch (InvalidRequestException e) {
                if (missing(e)) {
                    return Optional.<T>empty();
                }
                throw e;
            }
        });
    }

    private static boolean missing(InvalidRequestException e) {
        return Integer.valueOf(404).equals(e.getStatusCode())
                || e.getStripeError() != null
                        && "resource_missing".equals(e.getStripeError().getCode());
    }

    /** Every refund of a charge, whatever its state. */
    List<Refund> refundsOfCharge(String chargeId) {
        RefundListParams params =
                RefundListParams.builder().setCharge(chargeId).setLimit(100L).build();
        List<Refund> refunds = new ArrayList<>();
        call("read a charge's refunds", () -> {
            client.v1().refunds().list(params).autoPagingIterable().forEach(refunds::add);
            return refunds;
        });
        return refunds;
    }

    /**
     * Events of the given types created at or after {@code since}, newest first as Stripe lists
     * them, handed to {@code each} page by page (100 a page, one call each): the list is never held
     * whole. A page that cannot be read is thrown as an {@link UpstreamFailureException}; the
     * events already handed over stay handed over.
     */
    void eachEventSince(Instant since, List<String> types, Consumer<Event> each) {
        String after = null;
        while (true) {
            EventListParams.Builder params = EventListParams.builder()
                    .setCreated(EventListParams.Created.builder()
                            .setGte(since.getEpochSecond())
                            .build())
                    .addAllType(types)
                    .setLimit(100L);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<Event> page =
                    call("list events", () -> client.v1().events().list(params.build()));
            for (Event event : page.getData()) {
                each.accept(event);
                after = event.getId();
            }
            if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) {
                return;
            }
        }
    }

    Subscription subscription(String id) {
        return call("read a subscription", () -> client.v1().subscriptions().retrieve(id));
    }

    void cancelSubscription(String id, SubscriptionCancelParams params, String idempotencyKey) {
        call(
                "cancel a subscription",
                () -> client.v1()
                        .subscriptions()
                        .cancel(
                                id,
                                params,
                                RequestOptions.builder()
                                        .setIdempotencyKey(idempotencyKey)
                                        .build()));
    }

    void updateSubscription(String id, SubscriptionUpdateParams params, String idempotencyKey) {
        call(
                "change a subscription",
                () -> client.v1()
                        .subscriptions()
                        .update(
                                id,
                                params,
                                RequestOptions.builder()
                                        .setIdempotencyKey(idempotencyKey)
                                        .build()));
    }

    String billingPortalUrl(String customer, String returnUrl) {
        return call(
                        "open the billing portal",
                        () -> client.v1()
                                .billingPortal()
                                .sessions()
                                .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                                        .setCustomer(customer)
                                        .setReturnUrl(returnUrl)
                                        // straight to the card form, back to us when it is saved
                                        .setFlowData(FlowData.builder()
                                                .setType(FlowData.Type.PAYMENT_METHOD_UPDATE)
                                                .setAfterCompletion(FlowData.AfterCompletion.builder()
                                                        .setType(FlowData.AfterCompletion.Type.REDIRECT)
                                                        .setRedirect(FlowData.AfterCompletion.Redirect.builder()
                                                                .setReturnUrl(returnUrl)
                                                                .build())
                                                        .build())
                                                .build())
                                        .build()))
                .getUrl();
    }

    /**
     * The cheapest authenticated read (one event), once, within {@code timeout}: whether Stripe
     * answers this key now. Throws Stripe's own exception, for the caller to describe.
     */
    void probe(Duration timeout) throws StripeException {
        RequestOptions once = RequestOptions.builder()
                .setMaxNetworkRetries(0)
                .setConnectTimeout((int) timeout.toMillis())
                .setReadTimeout((int) timeout.toMillis())
                .build();
        client.v1().events().list(EventListParams.builder().setLimit(1L).build(), once);
    }

    static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (RateLimitException e) {
            log.warn("Stripe rate-limited us while trying to {}", what);
            throw new UpstreamFailureException(
                    "The payment provider is busy; nothing was charged. Please try again.", true, e);
        } catch (InvalidRequestException e) {
            log.warn("Stripe refused to {}: {} ({})", what, e.getMessage(), e.getRequestId());
            String reason = e.getStripeError() != null && e.getStripeError().getMessage() != null
                    ? e.getStripeError().getMessage()
                    : "the request was refused";
            throw new UpstreamFailureException("The payment provider refused this: " + reason, false, e);
        } catch (AuthenticationException e) {
            log.error(
                    "Stripe rejected our credentials while trying to {}: check STRIPE_SECRET_KEY ({})",
                    what,
                    e.getRequestId());
            throw new UpstreamFailureException("Payments are not available right now; nothing was charged.", false, e);
        } catch (ApiConnectionException | ApiException | IdempotencyException e) {
            log.warn("Stripe unavailable while trying to {}: {}", what, e.getMessage());
            throw new UpstreamFailureException(
                    "The payment provider could not be reached; nothing was charged. Please try again.", true, e);
        } catch (StripeException e) {
            log.warn("Stripe failed to {}: {}", what, e.getMessage());
            throw new UpstreamFailureException(
                    "The payment provider could not be reached; nothing was charged. Please try again.", true, e);
        }
    }
}
