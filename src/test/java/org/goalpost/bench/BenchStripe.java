package org.goalpost.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.goalpost.payment.stripe.StripeJson;

/**
 * A light stubbed Stripe API for benchmarks, as a process of its own ({@code BenchStripe <port>}),
 * on the JDK's HTTP server so that it takes as little of the machine as possible: it opens
 * Checkout Sessions and answers self-describing PaymentIntents
 * ({@code pi_bench_<amount>_<fee>_<donation id>}, see {@code FakeStripe}). The tests use the fuller
 * WireMock-based {@code FakeStripe}.
 */
public final class BenchStripe {

    private static final AtomicLong SESSIONS = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private BenchStripe() {}

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/v1/checkout/sessions", BenchStripe::session);
        server.createContext("/v1/payment_intents/", BenchStripe::paymentIntent);
        server.start();
        System.out.println("BenchStripe: stubbed Stripe API on http://127.0.0.1:"
                + server.getAddress().getPort());
        Thread.currentThread().join();
    }

    private static void session(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String id = "cs_bench_" + RUN + "_" + SESSIONS.incrementAndGet();
        answer(
                exchange,
                StripeJson.session(
                        id,
                        form.get("mode"),
                        "unpaid",
                        "open",
                        null,
                        null,
                        form.get("client_reference_id"),
                        Long.parseLong(form.get("line_items[0][price_data][unit_amount]")),
                        form.get("line_items[0][price_data][currency]"),
                        null,
                        System.currentTimeMillis() / 1000));
    }

    private static void paymentIntent(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/v1/payment_intents/".length());
        String[] fields = id.split("_", 5);
        answer(
                exchange,
                StripeJson.paymentIntent(
                        id,
                        "ch_" + id.substring(3),
                        Long.parseLong(fields[2]),
                        Long.parseLong(fields[3]),
                        "usd",
                        fields[4],
                        System.currentTimeMillis() / 1000));
    }

    private static void answer(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = StripeJson.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_bench");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
