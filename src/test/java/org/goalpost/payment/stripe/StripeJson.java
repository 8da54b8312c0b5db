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

    private StripeJson() {}

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

    /** A one-time checkout, completed and paid in US dollars (a new session id each time). */
    public static Map<String, Object> paidSession(
            String paymentIntent, String donationId, long amount, String email, long created) {
        return session(
                "cs_test_"
                        + java.util
                                .UUID
                                .randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16),
                "payment",
                "paid",
                "complete",
                paymentIntent,
                null,
                donationId,
                amount,
                "usd",
                email,
                created);
    }

    /** A monthly checkout, completed and paid in US dollars: its subscription started (a new session id each time). */
    public static Map<String, Object> subscribedSession(
            String subscription, String donationId, long amount, String email, long created) {
        return session(
                "cs_test_"
                        + java.util
                                .UUID
                                .randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16),
                "subscription",
                "paid",
                "complete",
                null,
                subscription,
                donationId,
                amount,
                "usd",
                email,
                created);
    }

    public static Map<String, Object> session(
            String id,
            String mode,
            String paymentStatus,
            String status,
            String paymentIntent,
            String subscription,
            String donationId,
            long amount,
            String currency,
            String email,
            long created) {
        return map(
                "id",
                id,
                "object",
                "checkout.session",
                "mode",
                mode,
                "status",
                status,
                "payment_status",
                paymentStatus,
                "payment_intent",
                paymentIntent,
                "subscription",
                subscription,
                "client_reference_id",
                donationId,
                "metadata",
                map("donation_id", donationId),
                "amount_total",
                amount,
                "currency",
                currency,
                "customer_details",
                email == null ? null : map("email", email, "name", "Donor " + email),
                "livemode",
                false,
                "created",
                created,
                "expires_at",
                created + 86_400,
                "url",
                status.equals("open") ? "https://checkout.stripe.test/c/pay/" + id : null);
    }

    /** A PaymentIntent as Goalpost retrieves it: latest charge and its balance transaction expanded. */
    public static Map<String, Object> paymentIntent(
            String id, String chargeId, long amount, long fee, String currency, String donationId, long created) {
        Map<String, Object> balance = map(
                "id",
                "txn_" + id.substring(3),
                "object",
                "balance_transaction",
                "amount",
                amount,
                "currency",
                currency,
                "fee",
                fee,
                "net",
                amount - fee,
                "exchange_rate",
                null,
                "type",
                "charge",
                "status",
                "available");
        Map<String, Object> charge = map(
                "id",
                chargeId,
                "object",
                "charge",
                "amount",
                amount,
                "currency",
                currency,
                "created",
                created,
                "payment_intent",
                id,
                "paid",
                true,
                "status",
                "succeeded",
                "livemode",
                false,
                "balance_transaction",
                balance,
                "billing_details",
                map("email", null, "name", null));
        return map(
                "id",
                id,
                "object",
                "payment_intent",
                "amount",
                amount,
                "amount_received",
                amount,
                "currency",
                currency,
                "status",
                "succeeded",
                "livemode",
                false,
                "created",
                created,
                "latest_charge",
                charge,
                "metadata",
                donationId == null ? map() : map("donation_id", donationId));
    }

    public static Map<String, Object> invoice(
            String id,
            String subscription,
            String donationId,
            long amountPaid,
            String currency,
            String billingReason,
            String email,
            long paidAt) {
        return map(
                "id",
                id,
                "object",
                "invoice",
                "amount_paid",
                amountPaid,
                "amount_due",
                amountPaid,
                "currency",
                currency,
                "billing_reason",
                billingReason,
                "customer_email",
                email,
                "customer_name",
                email == null ? null : "Donor " + email,
                "status",
                "paid",
                "status_transitions",
                map("paid_at", paidAt),
                "created",
                paidAt,
                "livemode",
                false,
                "parent",
                map(
                        "type",
                        "subscription_details",
                        "subscription_details",
                        map("subscription", subscription, "metadata", map("donation_id", donationId))));
    }

    public static Map<String, Object> invoicePayment(
            String invoiceId, String paymentIntentId, long amount, String currency) {
        return map(
                "id",
                "inpay_" + invoiceId.substring(3),
                "object",
                "invoice_payment",
                "invoice",
                invoiceId,
                "status",
                "paid",
                "amount_paid",
                amount,
                "currency",
                currency,
                "livemode",
                false,
                "is_default",
                true,
                "payment",
                map("type", "payment_intent", "payment_intent", paymentIntentId));
    }

    public static Map<String, Object> refund(
            String id,
            String chargeId,
            String paymentIntentId,
            long amount,
            String currency,
            String status,
            long created) {
        return map(
                "id",
                id,
                "object",
                "refund",
                "amount",
                amount,
                "charge",
                chargeId,
                "payment_intent",
                paymentIntentId,
                "currency",
                currency,
                "status",
                status,
                "created",
                created,
                "metadata",
                map());
    }

    public static Map<String, Object> charge(
            String id, String paymentIntentId, long amount, long amountRefunded, String currency, long created) {
        return map(
                "id",
                id,
                "object",
                "charge",
                "amount",
                amount,
                "amount_refunded",
                amountRefunded,
                "payment_intent",
                paymentIntentId,
                "currency",
                currency,
                "created",
                created,
                "refunded",
                amountRefunded >= amount,
                "livemode",
                false);
    }

    public static Map<String, Object> dispute(
            String id,
            String chargeId,
            String paymentIntentId,
            long amount,
            String currency,
            String status,
            long created) {
        return map(
                "id",
                id,
                "object",
                "dispute",
                "amount",
                amount,
                "charge",
                chargeId,
                "payment_intent",
                paymentIntentId,
                "currency",
                currency,
                "status",
                status,
                "created",
                created,
                "balance_transactions",
                List.of(),
                "livemode",
                false);
    }

    public static Map<String, Object> subscription(
            String id, String status, String donationId, long unitAmount, String currency) {
        return subscription(id, status, donationId, unitAmount, currency, "month");
    }

    /** A subscription whose one price recurs every {@code interval} ({@code month} or {@code year}). */
    public static Map<String, Object> subscription(
            String id, String status, String donationId, long unitAmount, String currency, String interval) {
        return map(
                "id",
                id,
                "object",
                "subscription",
                "status",
                status,
                "livemode",
                false,
                "currency",
                currency,
                "metadata",
                map("donation_id", donationId),
                "items",
                list(
                        List.of(map(
                                "id",
                                "si_" + id.substring(4),
                                "object",
                                "subscription_item",
                                "quantity",
                                1,
                                "price",
                                map(
                                        "id",
                                        "price_" + id.substring(4),
                                        "object",
                                        "price",
                                        "unit_amount",
                                        unitAmount,
                                        "currency",
                                        currency,
                                        "product",
                                        "prod_" + id.substring(4),
                                        "recurring",
                                        map("interval", interval, "interval_count", 1)))),
                        "/v1/subscription_items"));
    }

    public static Map<String, Object> event(String id, String type, Map<String, Object> object, long created) {
        return map(
                "id",
                id,
                "object",
                "event",
                "api_version",
                Stripe.API_VERSION,
                "created",
                created,
                "livemode",
                false,
                "pending_webhooks",
                1,
                "request",
                map("id", null, "idempotency_key", null),
                "type",
                type,
                "data",
                map("object", object));
    }

    public static Map<String, Object> list(List<?> data, String url) {
        return map("object", "list", "data", data, "has_more", false, "url", url);
    }

    /**
     * Objects as Stripe renders them at API version {@code 2024-06-20} (pre-basil), the default of
     * many older accounts, whose events the Events API hands out in that shape: an invoice has
     * top-level {@code subscription}, {@code subscription_details}, {@code payment_intent},
     * {@code charge} and {@code paid}, and no {@code parent} nor {@code payments}. Written from
     * Stripe's API reference and changelog for that version; only the fields that matter here.
     */
    public static final class Legacy {

        public static final String VERSION = "2024-06-20";

        private Legacy() {}

        public static Map<String, Object> invoice(
                String id,
                String subscription,
                String donationId,
                String paymentIntent,
                String charge,
                long amountPaid,
                String currency,
                String billingReason,
                String email,
                long paidAt) {
            return map(
                    "id",
                    id,
                    "object",
                    "invoice",
                    "amount_due",
                    amountPaid,
                    "amount_paid",
                    amountPaid,
                    "amount_remaining",
                    0,
                    "billing_reason",
                    billingReason,
                    "charge",
                    charge,
                    "collection_method",
                    "charge_automatically",
                    "currency",
                    currency,
                    "customer",
                    "cus_" + id.substring(3),
                    "customer_email",
                    email,
                    "customer_name",
                    email == null ? null : "Donor " + email,
                    "livemode",
                    false,
                    "metadata",
                    map(),
                    "paid",
                    amountPaid > 0,
                    "payment_intent",
                    paymentIntent,
                    "status",
                    amountPaid > 0 ? "paid" : "open",
                    "status_transitions",
                    map(
                            "finalized_at",
                            paidAt,
                            "paid_at",
                            amountPaid > 0 ? paidAt : null,
                            "marked_uncollectible_at",
                            null,
                            "voided_at",
                            null),
                    "subscription",
                    subscription,
                    "subscription_details",
                    map("metadata", donationId == null ? map() : map("donation_id", donationId)),
                    "created",
                    paidAt,
                    "period_start",
                    paidAt,
                    "period_end",
                    paidAt);
        }

        public static Map<String, Object> session(
                String id,
                String mode,
                String paymentStatus,
                String status,
                String paymentIntent,
                String subscription,
                String donationId,
                long amount,
                String currency,
                String email,
                long created) {
            Map<String, Object> session = StripeJson.session(
                    id,
                    mode,
                    paymentStatus,
                    status,
                    paymentIntent,
                    subscription,
                    donationId,
                    amount,
                    currency,
                    email,
                    created);
            session.put("shipping_details", null);
            session.put("invoice", null);
            return session;
        }

        public static Map<String, Object> charge(
                String id,
                String paymentIntent,
                String invoice,
                long amount,
                long amountRefunded,
                String currency,
                long created) {
            Map<String, Object> charge =
                    StripeJson.charge(id, paymentIntent, amount, amountRefunded, currency, created);
            charge.put("invoice", invoice);
            charge.put(
                    "refunds",
                    map(
                            "object",
                            "list",
                            "data",
                            List.of(),
                            "has_more",
                            false,
                            "url",
                            "/v1/charges/" + id + "/refunds"));
            return charge;
        }

        public static Map<String, Object> refund(
                String id,
                String chargeId,
                String paymentIntentId,
                long amount,
                String currency,
                String status,
                long created) {
            return StripeJson.refund(id, chargeId, paymentIntentId, amount, currency, status, created);
        }

        public static Map<String, Object> dispute(
                String id,
                String chargeId,
                String paymentIntentId,
                long amount,
                String currency,
                String status,
                long created) {
            Map<String, Object> dispute =
                    StripeJson.dispute(id, chargeId, paymentIntentId, amount, currency, status, created);
            dispute.put("is_charge_refundable", false);
            return dispute;
        }

        public static Map<String, Object> event(String id, String type, Map<String, Object> object, long created) {
            Map<String, Object> event = StripeJson.event(id, type, object, created);
            event.put("api_version", VERSION);
            return event;
        }

        /**
         * An event as an older account would get it: the same event at {@code 2024-06-20}, its
         * invoice (if it carries one) in that version's shape. The other objects Goalpost reads have
         * kept the fields it reads.
         */
        @SuppressWarnings("unchecked")
        public static Map<String, Object> render(Map<String, Object> event) {
            Map<String, Object> old = new LinkedHashMap<>(event);
            old.put("api_version", VERSION);
            Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) event.get("data"));
            Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) data.get("object"));
            if ("invoice".equals(object.get("object"))) {
                Map<String, Object> parent = (Map<String, Object>) object.remove("parent");
                Map<String, Object> details =
                        parent == null ? null : (Map<String, Object>) parent.get("subscription_details");
                object.put("subscription", details == null ? null : details.get("subscription"));
                object.put("subscription_details", map("metadata", details == null ? map() : details.get("metadata")));
                object.put("paid", ((Number) object.get("amount_paid")).longValue() > 0);
                object.put("payment_intent", null);
                object.put("charge", null);
                object.remove("payments");
            } else if ("checkout.session".equals(object.get("object"))) {
                object.put("shipping_details", null);
            }
            data.put("object", object);
            old.put("data", data);
            return old;
        }
    }

    /**
     * A balance transaction of a dispute: a withdrawal (negative) or reinstatement (positive) of its funds,
     * with its fee.
     */
    public static Map<String, Object> disputeTransaction(
            String id, long amount, long fee, String currency, long created) {
        return map(
                "id",
                id,
                "object",
                "balance_transaction",
                "amount",
                amount,
                "fee",
                fee,
                "net",
                amount - fee,
                "currency",
                currency,
                "exchange_rate",
                null,
                "type",
                "adjustment",
                "reporting_category",
                amount < 0 ? "dispute" : "dispute_reversal",
                "created",
                created,
                "status",
                "available");
    }
}
