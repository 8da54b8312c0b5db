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
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
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
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
        return call("open a checkout", () -> client.v1().checkout().sessions().create(params,
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()));
    }

    Refund createRefund(RefundCreateParams params, String idempotencyKey) {
        return call("refund a payment", () -> client.v1().refunds().create(params,
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()));
    }

    Session session(String id) {
        return call("read a checkout", () -> client.v1().checkout().sessions().retrieve(id));
    }

    /** A PaymentIntent with its latest charge and that charge's balance transaction (fee and net). */
    PaymentIntent paymentIntent(String id) {
        PaymentIntentRetrieveParams params = PaymentIntentRetrieveParams.builder()
                .addExpand("latest_charge.balance_transaction").build();
        return call("read a payment", () -> client.v1().paymentIntents().retrieve(id, params));
    }

    Charge charge(String id) {
        return call("read a charge", () -> client.v1().charges().retrieve(id));
    }

    Invoice invoice(String id) {
        return call("read an invoice", () -> client.v1().invoices().retrieve(id));
    }

    /** The PaymentIntent that paid an invoice (an invoice's payments are not in its events). */
    Optional<String> paymentIntentOfInvoice(String invoiceId) {
        InvoicePaymentListParams params = InvoicePaymentListParams.builder().setInvoice(invoiceId).setLimit(10L).build();
        return call("read an invoice's payments", () -> client.v1().invoicePayments().list(params)).getData().stream()
                .filter(p -> "paid".equals(p.getStatus()) && p.getPayment() != null && p.getPayment().getPaymentIntent() != null)
                .map(p -> p.getPayment().getPaymentIntent())
                .findFirst();
    }

    /** The invoice a PaymentIntent paid, if any. */
    Optional<String> invoiceOfPaymentIntent(String paymentIntentId) {
        InvoicePaymentListParams params = InvoicePaymentListParams.builder()
                .setPayment(InvoicePaymentListParams.Payment.builder()
                        .setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                        .setPaymentIntent(paymentIntentId).build())
                .setLimit(10L).build();
        return call("find a payment's invoice", () -> client.v1().invoicePayments().list(params)).getData().stream()
                .map(InvoicePayment::getInvoice)
                .filter(id -> id != null)
                .findFirst();
    }

    /** Every refund of a charge, whatever its state. */
    List<Refund> refundsOfCharge(String chargeId) {
        RefundListParams params = RefundListParams.builder().setCharge(chargeId).setLimit(100L).build();
        List<Refund> refunds = new ArrayList<>();
        call("read a charge's refunds", () -> {
            client.v1().refunds().list(params).autoPagingIterable().forEach(refunds::add);
            return refunds;
        });
        return refunds;
    }

    /** Events created at or after {@code since}, oldest first. */
    List<Event> eventsSince(Instant since) {
        EventListParams params = EventListParams.builder()
                .setCreated(EventListParams.Created.builder().setGte(since.getEpochSecond()).build())
                .setLimit(100L).build();
        List<Event> events = new ArrayList<>();
        call("list events", () -> {
            client.v1().events().list(params).autoPagingIterable().forEach(events::add);
            return events;
        });
        Collections.reverse(events);
        return events;
    }

    Subscription subscription(String id) {
        return call("read a subscription", () -> client.v1().subscriptions().retrieve(id));
    }

    void cancelSubscription(String id, String idempotencyKey) {
        call("cancel a subscription", () -> client.v1().subscriptions().cancel(id, SubscriptionCancelParams.builder().build(),
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()));
    }

    void updateSubscription(String id, SubscriptionUpdateParams params, String idempotencyKey) {
        call("change a subscription", () -> client.v1().subscriptions().update(id, params,
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()));
    }

    String billingPortalUrl(String customer, String returnUrl) {
        return call("open the billing portal", () -> client.v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder().setCustomer(customer).setReturnUrl(returnUrl).build())).getUrl();
    }

    /**
     * The cheapest authenticated read (one event), once, within {@code timeout}: whether Stripe
     * answers this key now. Throws Stripe's own exception, for the caller to describe.
     */
    void probe(Duration timeout) throws StripeException {
        RequestOptions once = RequestOptions.builder().setMaxNetworkRetries(0).setConnectTimeout((int) timeout.toMillis())
                .setReadTimeout((int) timeout.toMillis()).build();
        client.v1().events().list(EventListParams.builder().setLimit(1L).build(), once);
    }

    static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (RateLimitException e) {
            log.warn("Stripe rate-limited us while trying to {}", what);
            throw new UpstreamFailureException("The payment provider is busy; nothing was charged. Please try again.", true, e);
        } catch (InvalidRequestException e) {
            log.warn("Stripe refused to {}: {} ({})", what, e.getMessage(), e.getRequestId());
            String reason = e.getStripeError() != null && e.getStripeError().getMessage() != null
                    ? e.getStripeError().getMessage() : "the request was refused";
            throw new UpstreamFailureException("The payment provider refused this: " + reason, false, e);
        } catch (AuthenticationException e) {
            log.error("Stripe rejected our credentials while trying to {}: check STRIPE_SECRET_KEY ({})", what, e.getRequestId());
            throw new UpstreamFailureException("Payments are not available right now; nothing was charged.", false, e);
        } catch (ApiConnectionException | ApiException | IdempotencyException e) {
            log.warn("Stripe unavailable while trying to {}: {}", what, e.getMessage());
            throw new UpstreamFailureException("The payment provider could not be reached; nothing was charged. Please try again.",
                    true, e);
        } catch (StripeException e) {
            log.warn("Stripe failed to {}: {}", what, e.getMessage());
            throw new UpstreamFailureException("The payment provider could not be reached; nothing was charged. Please try again.",
                    true, e);
        }
    }
}
