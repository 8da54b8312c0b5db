package org.goalpost.bench;

import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.payment.stripe.FakeStripe;
import org.goalpost.payment.stripe.StripeJson;

/**
 * Signed Stripe events against a running Goalpost (with {@code STRIPE_API_BASE} on {@link BenchStripe}).
 * Donations are first opened through the checkout API, as the widget would, then paid by
 * {@code checkout.session.completed} events.
 *
 * <ul>
 * <li>{@code max <base-url> <secret> <events> <threads> <jdbc-url> <user> <password>}: every event
 * delivered twice, as fast as the app takes them; then the exactly-once check in the database.</li>
 * <li>{@code rate <base-url> <secret> <per-second> <seconds>}: a steady stream (for measuring the read
 * path under webhook load), and how long each new donation takes to show in the widget's JSON.</li>
 * </ul>
 */
public final class WebhookLoad {

    private static final Pattern COUNT = Pattern.compile("\"donationCount\":(\\d+)");
    private static final String KEPT_RAISED = "SELECT COALESCE(SUM(raised_minor), 0) FROM campaign_totals t "
            + "JOIN campaign c ON c.id = t.campaign_id WHERE c.slug = 'support' AND t.livemode = FALSE";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookLoad() {}

    record Gift(String donationId, long amount, String payload) {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        String secret = args[2];
        if (mode.equals("max")) {
            max(base, secret, Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5], args[6], args[7]);
        } else {
            rate(base, secret, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
    }

    private static void max(
            String base, String secret, int events, int threads, String url, String user, String password)
            throws Exception {
        List<Gift> gifts = open(base, events, threads);
        long before;
        long rowsBefore;
        try (Connection db = DriverManager.getConnection(url, user, password);
                Statement s = db.createStatement()) {
            rowsBefore = one(s, "SELECT COUNT(*) FROM ledger_entry");
            before = one(s, KEPT_RAISED);
        }
        List<Gift> deliveries = new ArrayList<>(gifts);
        deliveries.addAll(gifts);
        Collections.shuffle(deliveries);
        ConcurrentLinkedQueue<Gift> queue = new ConcurrentLinkedQueue<>(deliveries);
        AtomicInteger retried = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                Gift gift;
                while ((gift = queue.poll()) != null) {
                    int status = post(base, secret, gift.payload());
                    if (status >= 500) {
                        retried.incrementAndGet();
                        queue.add(gift);
                    } else if (status != 200) {
                        throw new IllegalStateException("webhook answered " + status);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long expected = gifts.stream().mapToLong(Gift::amount).sum();
        try (Connection db = DriverManager.getConnection(url, user, password);
                Statement s = db.createStatement()) {
            long rows = one(s, "SELECT COUNT(*) FROM ledger_entry") - rowsBefore;
            long duplicates = one(
                    s,
                    "SELECT COUNT(*) FROM (SELECT source_ref FROM ledger_entry GROUP BY kind, source_ref "
                            + "HAVING COUNT(*) > 1) d");
            long kept = one(s, KEPT_RAISED);
            long ledger = one(
                    s,
                    "SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entry l JOIN campaign c ON c.id = l.campaign_id "
                            + "WHERE c.slug = 'support' AND l.livemode = FALSE");
            boolean exact = rows == gifts.size() && duplicates == 0 && kept == ledger && kept - before == expected;
            System.out.printf(
                    "WebhookLoad max: %d events delivered twice (%d deliveries, %d retried after a 5xx) from "
                            + "%d threads in %.1f s: "
                            + "%.0f events/s (%.0f deliveries/s); ledger rows %d, duplicates %d, totals = "
                            + "ledger: %s, raised +%d (expected +%d): %s%n",
                    gifts.size(),
                    deliveries.size(),
                    retried.get(),
                    threads,
                    seconds,
                    gifts.size() / seconds,
                    deliveries.size() / seconds,
                    rows,
                    duplicates,
                    kept == ledger,
                    kept - before,
                    expected,
                    exact ? "EXACT" : "NOT EXACT");
            if (!exact) {
                System.exit(1);
            }
        }
    }

    private static void rate(String base, String secret, int perSecond, int seconds) throws Exception {
        int total = perSecond * seconds;
        List<Gift> gifts = open(base, total, 8);
        long baseline = count(base);
        List<Long> lags = new CopyOnWriteArrayList<>();
        AtomicLong sent = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        System.out.println("WebhookLoad rate: posting " + total + " events at " + perSecond + "/s");
        System.out.flush();
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ExecutorService watchers = Executors.newFixedThreadPool(4);
        java.util.concurrent.ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
        clock.scheduleAtFixedRate(
                () -> {
                    int i = next.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    senders.submit(() -> {
                        int status = post(base, secret, gifts.get(i).payload());
                        if (status != 200) {
                            throw new IllegalStateException("webhook answered " + status);
                        }
                        long accepted = System.nanoTime();
                        long visibleAfter = baseline + sent.incrementAndGet();
                        if (i % 20 == 0) {
                            watchers.submit(() -> {
                                while (count(base) < visibleAfter) {
                                    Thread.sleep(5);
                                }
                                lags.add((System.nanoTime() - accepted) / 1_000_000);
                                return null;
                            });
                        }
                        done.countDown();
                        return null;
                    });
                },
                0,
                1_000_000_000L / perSecond,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        clock.shutdownNow();
        senders.shutdown();
        watchers.shutdown();
        watchers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        System.out.printf(
                "WebhookLoad rate: %d events in %.1f s (%.0f/s); a new donation showed in the widget's JSON after "
                        + "median %d ms, max %d ms (%d sampled)%n",
                sent.get(),
                elapsed,
                sent.get() / elapsed,
                sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
                sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1),
                sorted.size());
    }

    /** Opens donations through the checkout API, as the widget does, and prepares their payment events. */
    private static List<Gift> open(String base, int count, int threads) throws Exception {
        List<Gift> gifts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long amount = 500 + (i * 37L) % 20_000;
            jobs.add(pool.submit(() -> {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/campaigns/support/checkout"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"amountMinor\":" + amount + ",\"interval\":\"once\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(
                            "checkout answered " + response.statusCode() + ": " + response.body());
                }
                String donation = response.body().replaceAll(".*\"donationId\":\"([^\"]+)\".*", "$1");
                String intent = FakeStripe.selfDescribingIntent(amount, amount * 29 / 1000 + 30, donation);
                long now = Instant.now().getEpochSecond();
                Map<String, Object> event = StripeJson.event(
                        "evt_bench_" + donation,
                        "checkout.session.completed",
                        StripeJson.session(
                                "cs_bench_" + donation,
                                "payment",
                                "paid",
                                "complete",
                                intent,
                                null,
                                donation,
                                amount,
                                "usd",
                                "reader" + (amount % 5000) + "@example.org",
                                now),
                        now);
                gifts.add(new Gift(donation, amount, StripeJson.write(event)));
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        return new ArrayList<>(gifts);
    }

    private static int post(String base, String secret, String payload) throws Exception {
        String signature = Webhook.Signature.generateSignatureHeader(
                payload, secret, Instant.now().getEpochSecond());
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/stripe/webhook"))
                                .header("Content-Type", "application/json")
                                .header("Stripe-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(payload))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static long count(String base) throws Exception {
        return field(base, COUNT);
    }

    private static long field(String base, Pattern pattern) throws Exception {
        String body = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/campaigns/support"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no figure in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
