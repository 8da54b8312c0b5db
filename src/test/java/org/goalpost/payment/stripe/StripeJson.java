package org.goalpost.payment.stripe;

import com.stripe.Stripe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe-shaped objects for tests, written by the team from Stripe's API reference (API version
 * pinned to the SDK's): checkout sessions, payment intents with their charge and balance
 * transaction expanded, invoices, invoice payments, refunds, charges, disputes, subscriptions,
 * events and lists.
 */
public final class StripeJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeJson() {
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static Map<String, Object> session(String id, String mode, String paymentStatus, String status, String paymentIntent,
            String subscription, String donationId, long amount, String currency, String email, long created) {
        return map("id", id, "object", "checkout.session", "mode", mode, "status", status, "payment_status", paymentStatus,
                "payment_intent", paymentIntent, "subscription", subscription, "client_reference_id", donationId,
                "metadata", map("donation_id", donationId), "amount_total", amount, "currency", currency,
                "customer_details", email == null ? null : map("email", email, "name", "Donor " + email), "livemode", false,
                "created", created, "expires_at", created + 86_400, "url", status.equals("open") ? "https://checkout.stripe.test/c/pay/" + id : null);
    }

    /** A PaymentIntent as Goalpost retrieves it: latest charge and its balance transaction expanded. */
    public static Map<String, Object> paymentIntent(String id, String chargeId, long amount, long fee, String currency,
            String donationId, long created) {
        Map<String, Object> balance = map("id", "txn_" + id.substring(3), "object", "balance_transaction", "amount", amount,
                "currency", currency, "fee", fee, "net", amount - fee, "exchange_rate", null, "type", "charge", "status", "available");
        Map<String, Object> charge = map("id", chargeId, "object", "charge", "amount", amount, "currency", currency, "created", created,
                "payment_intent", id, "paid", true, "status", "succeeded", "livemode", false, "balance_transaction", balance,
                "billing_details", map("email", null, "name", null));
        return map("id", id, "object", "payment_intent", "amount", amount, "amount_received", amount, "currency", currency,
                "status", "succeeded", "livemode", false, "created", created, "latest_charge", charge,
                "metadata", donationId == null ? map() : map("donation_id", donationId));
    }

    public static Map<String, Object> invoice(String id, String subscription, String donationId, long amountPaid, String currency,
            String billingReason, String email, long paidAt) {
        return map("id", id, "object", "invoice", "amount_paid", amountPaid, "amount_due", amountPaid, "currency", currency,
                "billing_reason", billingReason, "customer_email", email, "customer_name", email == null ? null : "Donor " + email,
                "status", "paid", "status_transitions", map("paid_at", paidAt), "created", paidAt, "livemode", false,
                "parent", map("type", "subscription_details", "subscription_details",
                        map("subscription", subscription, "metadata", map("donation_id", donationId))));
    }

    public static Map<String, Object> invoicePayment(String invoiceId, String paymentIntentId, long amount, String currency) {
        return map("id", "inpay_" + invoiceId.substring(3), "object", "invoice_payment", "invoice", invoiceId, "status", "paid",
                "amount_paid", amount, "currency", currency, "livemode", false, "is_default", true,
                "payment", map("type", "payment_intent", "payment_intent", paymentIntentId));
    }

    public static Map<String, Object> refund(String id, String chargeId, String paymentIntentId, long amount, String currency,
            String status, long created) {
        return map("id", id, "object", "refund", "amount", amount, "charge", chargeId, "payment_intent", paymentIntentId,
                "currency", currency, "status", status, "created", created, "metadata", map());
    }

    public static Map<String, Object> charge(String id, String paymentIntentId, long amount, long amountRefunded, String currency,
            long created) {
        return map("id", id, "object", "charge", "amount", amount, "amount_refunded", amountRefunded, "payment_intent", paymentIntentId,
                "currency", currency, "created", created, "refunded", amountRefunded >= amount, "livemode", false);
    }

    public static Map<String, Object> dispute(String id, String chargeId, String paymentIntentId, long amount, String currency,
            String status, long created) {
        return map("id", id, "object", "dispute", "amount", amount, "charge", chargeId, "payment_intent", paymentIntentId,
                "currency", currency, "status", status, "created", created, "balance_transactions", List.of(), "livemode", false);
    }

    public static Map<String, Object> subscription(String id, String status, String donationId, long unitAmount, String currency) {
        return map("id", id, "object", "subscription", "status", status, "livemode", false, "currency", currency,
                "metadata", map("donation_id", donationId),
                "items", list(List.of(map("id", "si_" + id.substring(4), "object", "subscription_item", "quantity", 1,
                        "price", map("id", "price_" + id.substring(4), "object", "price", "unit_amount", unitAmount, "currency", currency,
                                "product", "prod_" + id.substring(4), "recurring", map("interval", "month", "interval_count", 1)))),
                        "/v1/subscription_items"));
    }

    public static Map<String, Object> event(String id, String type, Map<String, Object> object, long created) {
        return map("id", id, "object", "event", "api_version", Stripe.API_VERSION, "created", created, "livemode", false,
                "pending_webhooks", 1, "request", map("id", null, "idempotency_key", null), "type", type,
                "data", map("object", object));
    }

    public static Map<String, Object> list(List<?> data, String url) {
        return map("object", "list", "data", data, "has_more", false, "url", url);
    }
}
