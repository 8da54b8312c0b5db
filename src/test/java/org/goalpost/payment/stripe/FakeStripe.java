package org.goalpost.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stubbed Stripe API on WireMock, answering the calls Goalpost makes with Stripe-shaped bodies
 * from what a test puts in it: sessions it creates, payment intents, invoices and their payments,
 * refunds of a charge, charges, and the event list. Tests add higher-priority WireMock stubs to
 * inject failures (5xx, delays, refusals) and verify the requests WireMock logged.
 */
public final class FakeStripe implements AutoCloseable {

    public final WireMockServer server;
    private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> intents = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> invoices = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> invoicePaymentsByInvoice = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> invoicePaymentsByIntent = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> charges = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> refundsByCharge = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> disputes = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final Map<String, Map<String, Object>> refundsByIdempotencyKey = new ConcurrentHashMap<>();

    public FakeStripe() {
        this(0);
    }

    /** On a given port (0: any free one). */
    public FakeStripe(int port) {
        server = new WireMockServer(
                (port == 0 ? options().dynamicPort() : options().port(port))
                        .containerThreads(64)
                        .extensions(new Router()));
        server.start();
        stubRouter();
    }

    /**
     * A PaymentIntent id that describes itself, for load tests where registering every payment is
     * not possible: {@code pi_bench_<amount>_<fee>_<donation id>}.
     */
    public static String selfDescribingIntent(long amount, long fee, String donationId) {
        return "pi_bench_" + amount + "_" + fee + "_" + donationId;
    }

    private void stubRouter() {
        server.stubFor(any(urlPathMatching("/v1/.*"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers("fake-stripe")));
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    /** Forgets every object, stub and logged request. */
    public void reset() {
        server.resetAll();
        stubRouter();
        sessions.clear();
        intents.clear();
        invoices.clear();
        invoicePaymentsByInvoice.clear();
        invoicePaymentsByIntent.clear();
        charges.clear();
        refundsByCharge.clear();
        disputes.clear();
        refundsByIdempotencyKey.clear();
        events.clear();
        subscriptions.clear();
    }

    public void putSession(Map<String, Object> session) {
        sessions.put((String) session.get("id"), session);
    }

    public void putPaymentIntent(Map<String, Object> intent) {
        intents.put((String) intent.get("id"), intent);
    }

    public void putInvoice(Map<String, Object> invoice, String paymentIntentId) {
        putInvoice(invoice, Map.of(paymentIntentId, ((Number) invoice.get("amount_paid")).longValue()));
    }

    /** An invoice paid by several payments: each PaymentIntent and the amount it paid, in order. */
    public void putInvoice(Map<String, Object> invoice, Map<String, Long> paidBy) {
        String id = (String) invoice.get("id");
        invoices.put(id, invoice);
        List<Map<String, Object>> payments = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Long> part : new java.util.TreeMap<>(paidBy).entrySet()) {
            Map<String, Object> payment =
                    StripeJson.invoicePayment(id, part.getKey(), part.getValue(), (String) invoice.get("currency"));
            payment.put("id", payment.get("id") + "_" + n++);
            payments.add(payment);
            invoicePaymentsByIntent.put(part.getKey(), payment);
        }
        invoicePaymentsByInvoice.put(id, payments);
    }

    public void putCharge(Map<String, Object> charge) {
        charges.put((String) charge.get("id"), charge);
    }

    /** A refund in its latest state, listed under its charge. */
    public void putRefund(Map<String, Object> refund) {
        refundsByCharge
                .computeIfAbsent((String) refund.get("charge"), c -> new ConcurrentHashMap<>())
                .put((String) refund.get("id"), refund);
    }

    /** A dispute in its current state, as {@code GET /v1/disputes/{id}} answers it. */
    public void putDispute(Map<String, Object> dispute) {
        disputes.put((String) dispute.get("id"), dispute);
    }

    /** A subscription in its current state: read, changed (its item's price) and canceled through the API. */
    public void putSubscription(Map<String, Object> subscription) {
        subscriptions.put((String) subscription.get("id"), subscription);
    }

    public Map<String, Object> subscription(String id) {
        return subscriptions.get(id);
    }

    /** An event, in the list the reconciler reads (Stripe lists newest first, 100 a page at most) and by its id. */
    public void putEvent(Map<String, Object> event) {
        events.add(event);
    }

    /** The {@code Stripe-Version} header of every request to a path starting with {@code pathPrefix}. */
    public List<String> versionsAsked(String pathPrefix) {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().startsWith(pathPrefix))
                .map(r -> r.getHeader("Stripe-Version"))
                .toList();
    }

    public Map<String, Object> session(String id) {
        return sessions.get(id);
    }

    public List<LoggedRequest> requests(RequestMethod method, String pathPrefix) {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().equals(method) && r.getUrl().startsWith(pathPrefix))
                .toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Router implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "fake-stripe";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            LoggedRequest request = serveEvent.getRequest();
            String path = request.getUrl().replaceFirst("\\?.*$", "");
            String[] parts = path.split("/");
            Object body = route(request, path, parts);
            if (body == null) {
                return json(
                        404,
                        StripeJson.map(
                                "error",
                                StripeJson.map(
                                        "type",
                                        "invalid_request_error",
                                        "code",
                                        "resource_missing",
                                        "message",
                                        "No such object: " + path)));
            }
            return json(200, body);
        }

        private Object route(LoggedRequest request, String path, String[] parts) {
            if (request.getMethod().equals(RequestMethod.POST) && path.equals("/v1/checkout/sessions")) {
                return createSession(request);
            }
            if (path.startsWith("/v1/checkout/sessions/")) {
                return sessions.get(parts[4]);
            }
            if (path.startsWith("/v1/payment_intents/pi_bench_")) {
                String[] fields = parts[3].split("_", 5);
                long amount = Long.parseLong(fields[2]);
                return StripeJson.paymentIntent(
                        parts[3],
                        "ch_" + parts[3].substring(3),
                        amount,
                        Long.parseLong(fields[3]),
                        "usd",
                        fields[4],
                        System.currentTimeMillis() / 1000);
            }
            if (path.startsWith("/v1/payment_intents/")) {
                return intents.get(parts[3]);
            }
            if (path.startsWith("/v1/invoices/")) {
                return invoices.get(parts[3]);
            }
            if (path.startsWith("/v1/charges/")) {
                return charges.get(parts[3]);
            }
            if (path.equals("/v1/invoice_payments")) {
                if (query(request, "invoice") != null) {
                    return StripeJson.list(
                            invoicePaymentsByInvoice.getOrDefault(query(request, "invoice"), List.of()),
                            "/v1/invoice_payments");
                }
                Map<String, Object> found = invoicePaymentsByIntent.get(query(request, "payment[payment_intent]"));
                return StripeJson.list(found == null ? List.of() : List.of(found), "/v1/invoice_payments");
            }
            if (path.startsWith("/v1/refunds/")) {
                return refundsByCharge.values().stream()
                        .map(refunds -> refunds.get(parts[3]))
                        .filter(r -> r != null)
                        .findFirst()
                        .orElse(null);
            }
            if (path.startsWith("/v1/disputes/")) {
                return disputes.get(parts[3]);
            }
            if (path.startsWith("/v1/events/")) {
                return events.stream()
                        .filter(e -> parts[3].equals(e.get("id")))
                        .findFirst()
                        .orElse(null);
            }
            if (request.getMethod().equals(RequestMethod.POST) && path.equals("/v1/refunds")) {
                return createRefund(request);
            }
            if (path.equals("/v1/refunds")) {
                Map<String, Map<String, Object>> refunds =
                        refundsByCharge.getOrDefault(query(request, "charge"), Map.of());
                return StripeJson.list(new ArrayList<>(refunds.values()), "/v1/refunds");
            }
            if (path.startsWith("/v1/subscriptions/")) {
                return subscription(request, parts[3]);
            }
            if (request.getMethod().equals(RequestMethod.POST) && path.equals("/v1/billing_portal/sessions")) {
                return StripeJson.map(
                        "id",
                        "bps_" + sessionCounter.incrementAndGet(),
                        "object",
                        "billing_portal.session",
                        "customer",
                        form(request, "customer"),
                        "return_url",
                        form(request, "return_url"),
                        "livemode",
                        false,
                        "url",
                        "https://billing.stripe.test/p/session/" + form(request, "customer"));
            }
            if (path.equals("/v1/events")) {
                return eventPage(request);
            }
            return null;
        }

        /**
         * One page of the event list as Stripe gives it: newest first, created at or after
         * {@code created[gte]}, of the types asked for ({@code types[]}), {@code limit} a page,
         * after {@code starting_after}.
         */
        private Map<String, Object> eventPage(LoggedRequest request) {
            long since = Long.parseLong(query(request, "created[gte]") == null ? "0" : query(request, "created[gte]"));
            List<String> types = request.getQueryParams().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("types["))
                    .flatMap(e -> e.getValue().values().stream())
                    .toList();
            List<Map<String, Object>> listed = new ArrayList<>(events.stream()
                    .filter(e -> ((Number) e.get("created")).longValue() >= since)
                    .filter(e -> types.isEmpty() || types.contains((String) e.get("type")))
                    .toList());
            Collections.reverse(listed);
            String after = query(request, "starting_after");
            if (after != null) {
                int at = 0;
                while (at < listed.size() && !after.equals(listed.get(at).get("id"))) {
                    at++;
                }
                listed = listed.subList(Math.min(listed.size(), at + 1), listed.size());
            }
            int limit = query(request, "limit") == null ? 10 : Integer.parseInt(query(request, "limit"));
            Map<String, Object> page =
                    StripeJson.list(new ArrayList<>(listed.subList(0, Math.min(limit, listed.size()))), "/v1/events");
            page.put("has_more", listed.size() > limit);
            return page;
        }

        /** GET reads it; POST sets its item's amount (and interval) or its pause; DELETE cancels it at once. */
        @SuppressWarnings("unchecked")
        private Map<String, Object> subscription(LoggedRequest request, String id) {
            Map<String, Object> subscription = subscriptions.get(id);
            if (subscription == null) {
                return null;
            }
            if (request.getMethod().equals(RequestMethod.DELETE)) {
                subscription = new java.util.LinkedHashMap<>(subscription);
                subscription.put("status", "canceled");
                subscriptions.put(id, subscription);
            } else if (request.getMethod().equals(RequestMethod.POST)
                    && form(request, "pause_collection[behavior]") != null) {
                subscription = new java.util.LinkedHashMap<>(subscription);
                subscription.put(
                        "pause_collection",
                        StripeJson.map(
                                "behavior",
                                form(request, "pause_collection[behavior]"),
                                "resumes_at",
                                Long.parseLong(form(request, "pause_collection[resumes_at]"))));
                subscriptions.put(id, subscription);
            } else if (request.getMethod().equals(RequestMethod.POST) && "".equals(form(request, "pause_collection"))) {
                subscription = new java.util.LinkedHashMap<>(subscription);
                subscription.put("pause_collection", null);
                subscriptions.put(id, subscription);
            } else if (request.getMethod().equals(RequestMethod.POST)
                    && form(request, "items[0][price_data][unit_amount]") != null) {
                long amount = Long.parseLong(form(request, "items[0][price_data][unit_amount]"));
                Map<String, Object> metadata = (Map<String, Object>) subscription.get("metadata");
                String interval = form(request, "items[0][price_data][recurring][interval]");
                Map<String, Object> changed = StripeJson.subscription(
                        id,
                        (String) subscription.get("status"),
                        (String) metadata.get("donation_id"),
                        amount,
                        (String) subscription.get("currency"),
                        interval == null ? "month" : interval);
                changed.put("customer", subscription.get("customer"));
                subscriptions.put(id, changed);
                subscription = changed;
            }
            return subscription;
        }

        private Map<String, Object> createSession(LoggedRequest request) {
            String id = "cs_test_" + sessionCounter.incrementAndGet() + "_"
                    + Integer.toHexString(request.getBodyAsString().hashCode());
            String donationId = form(request, "client_reference_id");
            String mode = form(request, "mode");
            long amount = Long.parseLong(form(request, "line_items[0][price_data][unit_amount]"));
            Map<String, Object> session = StripeJson.session(
                    id,
                    mode,
                    "unpaid",
                    "open",
                    null,
                    null,
                    donationId,
                    amount,
                    form(request, "line_items[0][price_data][currency]"),
                    form(request, "customer_email"),
                    System.currentTimeMillis() / 1000);
            sessions.put(id, session);
            return session;
        }

        /**
         * A refund of a PaymentIntent's charge, succeeded at once (as card refunds usually are); the
         * same Idempotency-Key gives back the same refund, as Stripe does.
         */
        private Map<String, Object> createRefund(LoggedRequest request) {
            String key = request.getHeader("Idempotency-Key");
            if (key != null && refundsByIdempotencyKey.containsKey(key)) {
                return refundsByIdempotencyKey.get(key);
            }
            Map<String, Object> intent = intents.get(form(request, "payment_intent"));
            if (intent == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> charge = (Map<String, Object>) intent.get("latest_charge");
            long amount = form(request, "amount") == null
                    ? ((Number) intent.get("amount")).longValue()
                    : Long.parseLong(form(request, "amount"));
            Map<String, Object> refund = StripeJson.refund(
                    "re_fake_" + sessionCounter.incrementAndGet(),
                    (String) charge.get("id"),
                    (String) intent.get("id"),
                    amount,
                    (String) intent.get("currency"),
                    "succeeded",
                    System.currentTimeMillis() / 1000);
            putRefund(refund);
            if (key != null) {
                refundsByIdempotencyKey.put(key, refund);
            }
            return refund;
        }

        private String form(LoggedRequest request, String name) {
            for (String pair : request.getBodyAsString().split("&")) {
                String[] kv = pair.split("=", 2);
                if (java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8)
                        .equals(name)) {
                    return kv.length > 1
                            ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)
                            : "";
                }
            }
            return null;
        }

        private String query(LoggedRequest request, String name) {
            QueryParameter parameter = request.queryParameter(name);
            return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
        }

        private ResponseDefinition json(int status, Object body) {
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_fake")
                    .withBody(StripeJson.write(body))
                    .build();
        }
    }
}
