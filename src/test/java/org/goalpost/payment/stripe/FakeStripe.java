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
    private final Map<String, Map<String, Object>> invoicePaymentsByInvoice = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> invoicePaymentsByIntent = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> charges = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> refundsByCharge = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final Map<String, Map<String, Object>> refundsByIdempotencyKey = new ConcurrentHashMap<>();

    public FakeStripe() {
        this(0);
    }

    /** On a given port (0: any free one). */
    public FakeStripe(int port) {
        server = new WireMockServer((port == 0 ? options().dynamicPort() : options().port(port))
                .containerThreads(64).extensions(new Router()));
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
        server.stubFor(any(urlPathMatching("/v1/.*")).atPriority(10).willReturn(aResponse().withTransformers("fake-stripe")));
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
        String id = (String) invoice.get("id");
        invoices.put(id, invoice);
        Map<String, Object> payment = StripeJson.invoicePayment(id, paymentIntentId, ((Number) invoice.get("amount_paid")).longValue(),
                (String) invoice.get("currency"));
        invoicePaymentsByInvoice.put(id, payment);
        invoicePaymentsByIntent.put(paymentIntentId, payment);
    }

    public void putCharge(Map<String, Object> charge) {
        charges.put((String) charge.get("id"), charge);
    }

    /** A refund in its latest state, listed under its charge. */
    public void putRefund(Map<String, Object> refund) {
        refundsByCharge.computeIfAbsent((String) refund.get("charge"), c -> new ConcurrentHashMap<>()).put((String) refund.get("id"), refund);
    }

    /** A subscription in its current state: read, changed (its item's price) and canceled through the API. */
    public void putSubscription(Map<String, Object> subscription) {
        subscriptions.put((String) subscription.get("id"), subscription);
    }

    public Map<String, Object> subscription(String id) {
        return subscriptions.get(id);
    }

    /** An event, in the list the reconciler reads (Stripe lists newest first). */
    public void putEvent(Map<String, Object> event) {
        events.add(event);
    }

    public Map<String, Object> session(String id) {
        return sessions.get(id);
    }

    public List<LoggedRequest> requests(RequestMethod method, String pathPrefix) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
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
                return json(404, StripeJson.map("error", StripeJson.map("type", "invalid_request_error",
                        "code", "resource_missing", "message", "No such object: " + path)));
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
                return StripeJson.paymentIntent(parts[3], "ch_" + parts[3].substring(3), amount, Long.parseLong(fields[3]), "usd",
                        fields[4], System.currentTimeMillis() / 1000);
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
                Map<String, Object> found = query(request, "invoice") != null
                        ? invoicePaymentsByInvoice.get(query(request, "invoice"))
                        : invoicePaymentsByIntent.get(query(request, "payment[payment_intent]"));
                return StripeJson.list(found == null ? List.of() : List.of(found), "/v1/invoice_payments");
            }
            if (request.getMethod().equals(RequestMethod.POST) && path.equals("/v1/refunds")) {
                return createRefund(request);
            }
            if (path.equals("/v1/refunds")) {
                Map<String, Map<String, Object>> refunds = refundsByCharge.getOrDefault(query(request, "charge"), Map.of());
                return StripeJson.list(new ArrayList<>(refunds.values()), "/v1/refunds");
            }
            if (path.startsWith("/v1/subscriptions/")) {
                return subscription(request, parts[3]);
            }
            if (request.getMethod().equals(RequestMethod.POST) && path.equals("/v1/billing_portal/sessions")) {
                return StripeJson.map("id", "bps_" + sessionCounter.incrementAndGet(), "object", "billing_portal.session",
                        "customer", form(request, "customer"), "return_url", form(request, "return_url"), "livemode", false,
                        "url", "https://billing.stripe.test/p/session/" + form(request, "customer"));
            }
            if (path.equals("/v1/events")) {
                long since = Long.parseLong(query(request, "created[gte]") == null ? "0" : query(request, "created[gte]"));
                List<Map<String, Object>> listed = new ArrayList<>(events.stream()
                        .filter(e -> ((Number) e.get("created")).longValue() >= since).toList());
                Collections.reverse(listed);
                return StripeJson.list(listed, "/v1/events");
            }
            return null;
        }

        /** GET reads it; POST sets its item's monthly amount; DELETE cancels it at once. */
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
            } else if (request.getMethod().equals(RequestMethod.POST) && form(request, "items[0][price_data][unit_amount]") != null) {
                long amount = Long.parseLong(form(request, "items[0][price_data][unit_amount]"));
                Map<String, Object> metadata = (Map<String, Object>) subscription.get("metadata");
                Map<String, Object> changed = StripeJson.subscription(id, (String) subscription.get("status"),
                        (String) metadata.get("donation_id"), amount, (String) subscription.get("currency"));
                changed.put("customer", subscription.get("customer"));
                subscriptions.put(id, changed);
                subscription = changed;
            }
            return subscription;
        }

        private Map<String, Object> createSession(LoggedRequest request) {
            String id = "cs_test_" + sessionCounter.incrementAndGet() + "_" + Integer.toHexString(request.getBodyAsString().hashCode());
            String donationId = form(request, "client_reference_id");
            String mode = form(request, "mode");
            long amount = Long.parseLong(form(request, "line_items[0][price_data][unit_amount]"));
            Map<String, Object> session = StripeJson.session(id, mode, "unpaid", "open", null, null, donationId, amount,
                    form(request, "line_items[0][price_data][currency]"), form(request, "customer_email"), System.currentTimeMillis() / 1000);
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
            long amount = form(request, "amount") == null ? ((Number) intent.get("amount")).longValue() : Long.parseLong(form(request, "amount"));
            Map<String, Object> refund = StripeJson.refund("re_fake_" + sessionCounter.incrementAndGet(), (String) charge.get("id"),
                    (String) intent.get("id"), amount, (String) intent.get("currency"), "succeeded", System.currentTimeMillis() / 1000);
            putRefund(refund);
            if (key != null) {
                refundsByIdempotencyKey.put(key, refund);
            }
            return refund;
        }

        private String form(LoggedRequest request, String name) {
            for (String pair : request.getBodyAsString().split("&")) {
                String[] kv = pair.split("=", 2);
                if (java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8).equals(name)) {
                    return kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "";
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
